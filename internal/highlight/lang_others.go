package highlight

import "strings"

// rougeOthers are the languages Rouge 3.30 knows that we do not lex, as
// "name" or "alias=tag": Rouge highlights them, we show their code as plain
// text in the same markup (docs/markdown.md).
var rougeOthers = func() map[string]string {
	m := map[string]string{}
	for _, f := range strings.Fields(
		"abap actionscript ada apache apex apib=apiblueprint apiblueprint applescript armasm " +
			"as=actionscript as3=actionscript aug=augeas augeas awk bat=batchfile batch=batchfile " +
			"batchfile bbcbasic behat=gherkin bib=bibtex bibtex biml bpf brainfuck brightscript " +
			"brs=brightscript bs=brightscript bsdmake=make bsl c#=csharp ceylon cfc=cfscript cfscript " +
			"cl=common_lisp clean clj=clojure cljs=clojure clojure cmake cmhg cmm=ghc-cmm " +
			"coffee=coffeescript coffee-script=coffeescript coffeescript common-lisp=common_lisp " +
			"common_lisp conf config=conf configuration=conf coq cr=crystal crystal cs=csharp csharp " +
			"csvs cucumber=gherkin cuda cypher cython d dafny dart datastudio digdag django=jinja " +
			"dlang=d dosbatch=batchfile dot e-mail=email ecl eex eiffel " +
			"elisp=common_lisp elixir elm emacs-lisp=common_lisp email eml=email epp eps=postscript erb " +
			"erl=erlang erlang eruby=erb esc=escape escape ex=viml exs=elixir factor " +
			"fea=opentype_feature_file ff=freefem fluent fortran freefem fsharp ftl=fluent gd=gdscript " +
			"gdscript ghc-cmm ghc-core gherkin glsl gnumake=make gradle graphql groovy hack haml " +
			"handlebars haskell haxe hbs=handlebars hcl heex=eex hh=hack hlsl hocon hql hs=haskell http " +
			"hx=haxe hy=hylang hylang idlang idr=idris idris igorpro ini io irb irb_output isa=isabelle " +
			"isabelle isbl j janet jdn=janet jinja jl=julia jsl json-doc jsonc=json-doc jsonnet jsp jsx " +
			"julia kdb+=q kotlin lasso lassoscript=lasso latex=tex lean leex=eex " +
			"lhaskell=literate_haskell lhs=literate_haskell lisp=common_lisp " +
			"litcoffee=literate_coffeescript literate_coffeescript literate_haskell " +
			"lithaskell=literate_haskell livescript llvm ls=livescript lua lustre lutin m=matlab m68k " +
			"magik make makefile=make mason mathematica matlab meson mf=make microsoftshell=powershell " +
			"minizinc ml=sml moon=moonscript moonscript mosel msgtrans msshell=powershell " +
			"mustache=handlebars mxml nasm nes=nesasm nesasm nginx nial nim nimrod=nim nix nixos=nix " +
			"obj-c=objective_c obj-c++=objective_cpp obj-cpp=objective_cpp obj_c=objective_c " +
			"obj_c++=objective_cpp obj_cpp=objective_cpp objc=objective_c objc++=objective_cpp " +
			"objcpp=objective_cpp objective_c objective_cpp objectivec=objective_c " +
			"objectivec++=objective_cpp objectivecpp=objective_cpp ocaml ocl openedge " +
			"opentype=opentype_feature_file opentype_feature_file opentypefeature=opentype_feature_file " +
			"pascal perl php php3=php php4=php php5=php pl=perl plist plsql pony posh=powershell " +
			"postscr=postscript postscript powershell pp=puppet praat prolog prometheus properties " +
			"proto=protobuf protobuf pry=irb ps=postscript puppet pyrex=cython pyx=cython q qml r " +
			"racket react=jsx realbasic=xojo reasonml rego rescript rhtml=erb robot=robot_framework " +
			"robot-framework=robot_framework robot_framework s=r sas sass scala scheme sed sieve slice " +
			"slim smalltalk smarty sml solidity sparql sqf squeak=smalltalk ssh st=smalltalk stan stata " +
			"supercollider swift systemd syzlang syzprog tap tcl terraform tex tf=terraform tsx " +
			"ttcn3 tulip turtle twig unit-file=systemd vala varnish=vcl varnishconf=vcl vb vcl velocity " +
			"verilog vhdl vim=viml viml vimscript=viml visualbasic=vb vue vuejs=vue winbatch=batchfile " +
			"wl=mathematica wollok xojo xpath xquery yang zig zir=zig ") {
		name, tag, ok := strings.Cut(f, "=")
		if !ok {
			tag = name
		}
		m[name] = tag
	}
	return m
}()
