package paginatev2

import (
	"sync"

	"github.com/broadsheet-ssg/broadsheet/internal/content"
)

// Pager is `paginator` on a page of a series.
type Pager struct {
	page, perPage, totalPosts, totalPages int
	posts                                 []*content.Document
	pagePath                              string
	previousPage, previousPagePath        any // nil on the first page
	nextPage, nextPagePath                any // nil on the last page
	firstPagePath, lastPagePath           string
	trail                                 []any // nil without a trail
	noPosts                               bool  // Ruby's slice past the end: nil

	once  sync.Once
	drops []any
}

// newPager is the plugin's Paginator for page n of total.
func newPager(st *settings, first, paged string, posts []*content.Document, n, total int) *Pager {
	p := &Pager{page: n, perPage: st.perPage, totalPosts: len(posts), totalPages: total}
	lo := (n - 1) * st.perPage
	hi := min(lo+st.perPage, len(posts))
	if lo <= len(posts) {
		p.posts = posts[lo:hi]
	} else {
		p.noPosts = true
	}
	index, ext := st.indexPage, st.extension
	if index == "" {
		index = "index"
	}
	if ext == "" {
		ext = ".html"
	}
	this := paged
	if n == 1 {
		this = first
	}
	this = ensureFullPath(this, index, ext)
	if st.indexPage != "" {
		first = ensureFullPath(first, st.indexPage, st.extension)
		paged = ensureFullPath(paged, st.indexPage, st.extension)
	}
	p.pagePath = formatNumber(this, n, total)
	switch {
	case n == 2:
		p.previousPage, p.previousPagePath = 1, formatNumber(first, 1, total)
	case n > 2:
		p.previousPage, p.previousPagePath = n-1, formatNumber(paged, n-1, total)
	}
	if n != total {
		p.nextPage, p.nextPagePath = n+1, formatNumber(paged, n+1, total)
	}
	p.firstPagePath = formatNumber(first, 1, total)
	p.lastPagePath = formatNumber(paged, total, total)
	return p
}

var pagerKeys = []string{"per_page", "posts", "total_posts", "total_pages", "page", "page_path",
	"previous_page", "previous_page_path", "next_page", "next_page_path",
	"first_page", "first_page_path", "last_page", "last_page_path", "page_trail"}

// Get answers paginator.*.
func (p *Pager) Get(key string) any {
	switch key {
	case "per_page":
		return p.perPage
	case "posts":
		// Drops exist only once the build made the site's template values,
		// after the generators ran.
		if p.noPosts {
			return nil
		}
		p.once.Do(func() {
			p.drops = make([]any, len(p.posts))
			for i, d := range p.posts {
				p.drops[i] = d.Drop()
			}
		})
		return p.drops
	case "total_posts":
		return p.totalPosts
	case "total_pages":
		return p.totalPages
	case "page":
		return p.page
	case "page_path":
		return p.pagePath
	case "previous_page":
		return p.previousPage
	case "previous_page_path":
		return p.previousPagePath
	case "next_page":
		return p.nextPage
	case "next_page_path":
		return p.nextPagePath
	case "first_page":
		return 1
	case "first_page_path":
		return p.firstPagePath
	case "last_page":
		return p.totalPages
	case "last_page_path":
		return p.lastPagePath
	case "page_trail":
		if p.trail == nil {
			return nil
		}
		return p.trail
	}
	return nil
}

// Keys lists the fields in the order of the plugin's hash.
func (p *Pager) Keys() []string { return pagerKeys }
