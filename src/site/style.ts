/** The site's one stylesheet: light and dark by the reader's setting, visible focus for keyboard use. */
export const SITE_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa;--link:#0550ae;
--ok:#1a7f37;--ok-bg:#dafbe1;--bad:#cf222e;--bad-bg:#ffebe9;--warn:#9a6700;--warn-bg:#fff8c5;--focus:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--soft:#161b22;--link:#4493f8;
--ok:#3fb950;--ok-bg:#12261e;--bad:#f85149;--bad-bg:#2d1215;--warn:#d29922;--warn-bg:#272115;--focus:#4493f8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:1200px;margin:0 auto;padding:1rem 1.5rem 4rem}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible,.node:focus-visible rect{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:var(--bg);padding:.25rem .5rem;z-index:2}
.top{display:flex;gap:1.5rem;padding:.6rem 1.5rem;border-bottom:1px solid var(--line);background:var(--soft)}
.top a{text-decoration:none;font-weight:600}
code,pre,textarea{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--soft)}
.num{text-align:right}
tr.topic th{background:var(--soft);color:var(--muted);font-weight:600}
.filter{display:flex;flex-wrap:wrap;gap:1rem;align-items:end;margin:1rem 0}
input,select,textarea,button{background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:6px;padding:.3rem .5rem}
button{background:var(--soft);cursor:pointer;font-weight:600}
textarea{width:100%}
.state{border-radius:1em;padding:0 .5em;font-size:.85em;border:1px solid var(--line)}
.state.new,.state.in-sync{background:var(--ok-bg)}.state.drift{background:var(--warn-bg)}.state.changed{background:var(--warn-bg)}.state.deleted,.state.invalid{background:var(--bad-bg)}
.meta{color:var(--muted)}
.toc{display:flex;flex-wrap:wrap;gap:1rem;margin:.5rem 0 1rem}
.problems{border:1px solid var(--bad);background:var(--bad-bg);border-radius:6px;padding:.25rem 1rem}
.versions{list-style:none;padding:0}
.version{border-left:4px solid var(--line);padding:.25rem .75rem;margin:.5rem 0}
.version.compatible{border-color:var(--ok)}.version.incompatible,.version.invalid{border-color:var(--bad)}
.verdict-tag{font-weight:600}.verdict-tag.compatible{color:var(--ok)}.verdict-tag.incompatible,.verdict-tag.invalid{color:var(--bad)}
.msg,.file,.doc,.opt{color:var(--muted)}
.findings,.changes{margin:.25rem 0;padding-left:1.25rem}
.finding{color:var(--bad)}.fix{color:var(--fg)}
.changes .breaking,tr.breaking{background:var(--bad-bg)}
.changes .risky,tr.risky{background:var(--warn-bg)}
.changes .safe,tr.safe{background:var(--ok-bg)}
.changes li{padding:0 .25rem}
.verdict{font-weight:700;padding:.4rem .75rem;border-radius:6px}
.verdict.ok{color:var(--ok);background:var(--ok-bg)}.verdict.bad{color:var(--bad);background:var(--bad-bg)}
tr.removed td:nth-child(3),tr.added td:nth-child(2){background:var(--soft)}
.effect div{color:var(--muted)}.summ{font-size:.9em}
.code-diff td{border:0;padding:0 .5rem}.code-diff .ln,.code li::marker{color:var(--muted)}
.code-diff tr.fold td{color:var(--muted);font-style:italic}.code-diff tr.add{background:var(--ok-bg)}.code-diff tr.del{background:var(--bad-bg)}
.code-diff code{white-space:pre}
ol.code{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.5rem .5rem .5rem 3.5rem;overflow:auto}
ol.code code{white-space:pre}
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.5rem;overflow:auto}
figure{margin:0 0 1rem}figcaption{color:var(--muted)}
svg.graph{max-width:100%;height:auto;display:block;margin:1rem 0}
svg.graph rect{fill:var(--soft);stroke:var(--line)}
svg.graph .node.current rect{stroke:var(--focus);stroke-width:2}
svg.graph text{fill:var(--fg);font-size:13px}
svg.graph line{stroke:var(--muted);stroke-width:1.5}
svg.graph marker path{fill:var(--muted)}
svg.graph .dim{opacity:.25}svg.graph .hot line{stroke:var(--focus);stroke-width:2.5}
[hidden]{display:none!important}
`;
