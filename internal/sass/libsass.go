package sass

// The compiler is libsass 3.6, the library Debian's Jekyll reaches through
// sassc. Its sources come compiled into the binary by
// github.com/bep/golibsass, so `go install` needs no system library. We call
// libsass's own C API here rather than golibsass's Go wrapper because the
// wrapper cannot do three things Jekyll's output depends on: it converts the
// indented syntax with different sass2scss flags than libsass uses itself
// (dropping `//` comments, which moves every line of a .sass source map), it
// has no switch for line comments, and it gives only the short error text.
// It also never frees a compile's context. The declarations below are the
// functions of libsass's public C API (include/sass/context.h) that sassc's
// Engine#render calls; golibsass's package supplies their definitions.

/*
#include <stdbool.h>
#include <stdlib.h>

struct Sass_Data_Context;
struct Sass_Context;
struct Sass_Options;

struct Sass_Data_Context* sass_make_data_context(char* source_string);
struct Sass_Context* sass_data_context_get_context(struct Sass_Data_Context* data_ctx);
struct Sass_Options* sass_context_get_options(struct Sass_Context* ctx);
void sass_option_set_precision(struct Sass_Options* options, int precision);
void sass_option_set_output_style(struct Sass_Options* options, int output_style);
void sass_option_set_source_comments(struct Sass_Options* options, bool source_comments);
void sass_option_set_source_map_contents(struct Sass_Options* options, bool source_map_contents);
void sass_option_set_omit_source_map_url(struct Sass_Options* options, bool omit_source_map_url);
void sass_option_set_is_indented_syntax_src(struct Sass_Options* options, bool is_indented_syntax_src);
void sass_option_set_input_path(struct Sass_Options* options, const char* input_path);
void sass_option_set_include_path(struct Sass_Options* options, const char* include_path);
void sass_option_set_source_map_file(struct Sass_Options* options, const char* source_map_file);
int sass_compile_data_context(struct Sass_Data_Context* ctx);
const char* sass_context_get_output_string(struct Sass_Context* ctx);
const char* sass_context_get_source_map_string(struct Sass_Context* ctx);
const char* sass_context_get_error_text(struct Sass_Context* ctx);
const char* sass_context_get_error_file(struct Sass_Context* ctx);
size_t sass_context_get_error_line(struct Sass_Context* ctx);
size_t sass_context_get_error_column(struct Sass_Context* ctx);
char** sass_context_get_included_files(struct Sass_Context* ctx);
void sass_delete_data_context(struct Sass_Data_Context* ctx);

typedef struct {
	int status;
	char* css;
	char* smap;
	char* err_text;
	char* err_file;
	size_t err_line;
	size_t err_column;
} bs_result;

static char* bs_dup(const char* s) {
	if (s == NULL) return NULL;
	size_t n = 0;
	while (s[n]) n++;
	char* d = malloc(n + 1);
	if (d == NULL) return NULL;
	for (size_t i = 0; i <= n; i++) d[i] = s[i];
	return d;
}

// bs_compile does what sassc's Engine#render does with the options Jekyll
// gives it, in one call across cgo. source is taken over (libsass frees it);
// the strings of the result are the caller's to free.
static bs_result bs_compile(char* source, int indented, const char* input_path,
		int precision, const char* include_path, int style, int line_comments,
		const char* map_file, int omit_map_url) {
	bs_result r = {0};
	struct Sass_Data_Context* data = sass_make_data_context(source);
	struct Sass_Context* ctx = sass_data_context_get_context(data);
	struct Sass_Options* opts = sass_context_get_options(ctx);
	if (indented) sass_option_set_is_indented_syntax_src(opts, true);
	if (input_path) sass_option_set_input_path(opts, input_path);
	if (precision >= 0) sass_option_set_precision(opts, precision);
	sass_option_set_include_path(opts, include_path);
	sass_option_set_output_style(opts, style);
	if (line_comments) sass_option_set_source_comments(opts, true);
	if (map_file) sass_option_set_source_map_file(opts, map_file);
	sass_option_set_source_map_contents(opts, true);
	if (omit_map_url) sass_option_set_omit_source_map_url(opts, true);
	r.status = sass_compile_data_context(data);
	if (r.status != 0) {
		r.err_text = bs_dup(sass_context_get_error_text(ctx));
		r.err_file = bs_dup(sass_context_get_error_file(ctx));
		r.err_line = sass_context_get_error_line(ctx);
		r.err_column = sass_context_get_error_column(ctx);
	} else {
		r.css = bs_dup(sass_context_get_output_string(ctx));
		r.smap = bs_dup(sass_context_get_source_map_string(ctx));
	}
	sass_delete_data_context(data);
	return r;
}
*/
import "C"

import (
	"unsafe"

	// The libsass sources, compiled in; see above.
	_ "github.com/bep/golibsass/libsass"
)

// libsassStyle numbers are libsass's enum Sass_Output_Style.
var libsassStyle = map[string]C.int{"nested": 0, "expanded": 1, "compact": 2, "compressed": 3}

type compileArgs struct {
	src          string
	indented     bool
	inputPath    string // "" for none ("stdin")
	precision    int    // <0: libsass's default
	includePath  string // folders joined with ':'
	style        string // a key of libsassStyle
	lineComments bool
	mapFile      string // "" for none
	omitMapURL   bool
}

type compileResult struct {
	css, sourceMap string
	failed         bool
	errText        string
	errFile        string
	errLine        int
	errColumn      int
}

func cstrOrNil(s string) *C.char {
	if s == "" {
		return nil
	}
	return C.CString(s)
}

func takeString(p *C.char) string {
	if p == nil {
		return ""
	}
	s := C.GoString(p)
	C.free(unsafe.Pointer(p))
	return s
}

func cbool(b bool) C.int {
	if b {
		return 1
	}
	return 0
}

// compile runs libsass once. It is safe to call from many goroutines: each
// call has its own context.
func compile(a compileArgs) compileResult {
	source := C.CString(a.src) // freed by libsass with its context
	input := cstrOrNil(a.inputPath)
	include := C.CString(a.includePath)
	mapFile := cstrOrNil(a.mapFile)
	defer func() {
		C.free(unsafe.Pointer(input))
		C.free(unsafe.Pointer(include))
		C.free(unsafe.Pointer(mapFile))
	}()
	r := C.bs_compile(source, cbool(a.indented), input, C.int(a.precision), include,
		libsassStyle[a.style], cbool(a.lineComments), mapFile, cbool(a.omitMapURL))
	out := compileResult{
		css:       takeString(r.css),
		sourceMap: takeString(r.smap),
		errText:   takeString(r.err_text),
		errFile:   takeString(r.err_file),
		errLine:   int(r.err_line),
		errColumn: int(r.err_column),
		failed:    r.status != 0,
	}
	return out
}
