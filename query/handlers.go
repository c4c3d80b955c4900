package query

import (
	"net/http"

	"github.com/gorilla/mux"

	"github.com/actorgraph/actorgraph/graph"
)

type healthResponse struct {
	Status   string `json:"status"`
	Store    string `json:"store"`
	Articles int    `json:"articles"`
}

// health reports that the server answers and its store can be read.
func (s *server) health(w http.ResponseWriter, r *http.Request) error {
	n, err := s.store.ArticleCount(r.Context())
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, healthResponse{Status: "ok", Store: s.store.URL(), Articles: n})
	return nil
}

type searchResponse struct {
	Query   string      `json:"query"`
	Total   int         `json:"total"`
	Limit   int         `json:"limit"`
	Offset  int         `json:"offset"`
	Results []graph.Hit `json:"results"`
}

// searchEntities finds entities by name.
func (s *server) searchEntities(w http.ResponseWriter, r *http.Request) error {
	p, err := parseSearch(r.URL.RawQuery)
	if err != nil {
		return err
	}
	hits, total, err := s.store.Search(r.Context(), p.Query, graph.SearchOptions{Type: p.Type, Limit: p.Limit, Offset: p.Offset})
	if err != nil {
		return err
	}
	if hits == nil {
		hits = []graph.Hit{}
	}
	s.writeJSON(w, r, http.StatusOK, searchResponse{Query: p.Query, Total: total, Limit: p.Limit, Offset: p.Offset, Results: hits})
	return nil
}

// entity returns everything the store knows of one entity.
func (s *server) entity(w http.ResponseWriter, r *http.Request) error {
	id, err := parseEntityID(mux.Vars(r)["id"])
	if err != nil {
		return err
	}
	p, err := parseEntity(r.URL.RawQuery)
	if err != nil {
		return err
	}
	rec, err := s.store.EntityPage(r.Context(), id, graph.EntityPage{Articles: p.Articles, Sources: p.Sources, Edges: p.Edges, Offset: p.Offset})
	if err != nil {
		return err
	}
	return s.writeCachedJSON(w, r, rec, func() (any, error) { return rec, nil })
}

type articlesResponse struct {
	Total    int                `json:"total"`
	Articles []graph.ArticleRef `json:"articles"`
}

// articles lists the articles in the store.
func (s *server) articles(w http.ResponseWriter, r *http.Request) error {
	refs, err := s.store.Articles(r.Context())
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, articlesResponse{Total: len(refs), Articles: refs})
	return nil
}

// stats counts what the store holds.
func (s *server) stats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.store.Stats(r.Context())
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, st)
	return nil
}

// article returns one article's metadata and the facts it states.
func (s *server) article(w http.ResponseWriter, r *http.Request) error {
	key, err := parseArticleKey(mux.Vars(r)["id"])
	if err != nil {
		return err
	}
	rec, err := s.store.ArticleFacts(r.Context(), key)
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, rec)
	return nil
}
