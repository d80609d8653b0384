import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderGithub, githubAnnotation } from '../../src/report/github.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown, cell } from '../../src/report/markdown.js';
import { summarize, type CheckReport, type Finding, type SubjectReport } from '../../src/report/model.js';
import { renderReport, REPORT_FORMATS } from '../../src/report/render.js';
import { renderSarif } from '../../src/report/sarif.js';
import { sarifErrors } from '../support/sarif-schema.js';
import { renderText } from '../../src/report/text.js';

const tricky: Finding = {
  rule: 'TYPE_MISMATCH',
  severity: 'error',
  path: '/fields/0/type',
  file: 'schemas/a,b:c.avsc',
  line: 3,
  column: 7,
  version: 2,
  commit: 'abcdef0123456789abcdef0123456789abcdef01',
  message: '100% wrong <type> & "quotes"\nsecond line',
  fix: 'use | pipes',
};

function report(subjects: SubjectReport[]): CheckReport {
  const summary = summarize(subjects);
  return {
    ok: summary.errors === 0,
    mode: 'worktree',
    base: { ref: 'main', commit: 'abcdef0123456789abcdef0123456789abcdef01' },
    subjects,
    summary,
  };
}

const bad: SubjectReport = {
  subject: 'a',
  file: 'schemas/a,b:c.avsc',
  format: 'avro',
  level: 'BACKWARD',
  status: 'incompatible',
  versions: 2,
  findings: [tricky],
};
const renamed: SubjectReport = {
  subject: 'r',
  file: 'schemas/r.avsc',
  format: 'avro',
  level: 'FULL',
  status: 'renamed',
  versions: 1,
  previousFile: 'old/r.avsc',
  findings: [
    {
      ...tricky,
      rule: 'SUBJECT_RENAMED',
      severity: 'info',
      file: 'schemas/r.avsc',
      message: 'renamed',
      version: null,
      commit: null,
    },
  ],
  changes: [
    {
      kind: 'added',
      pointer: '/fields/1',
      summary: "field 'x|y' added",
      breaks: ['old-reads-new'],
      breaking: true,
    },
  ],
};

test('text: path:line:col: RULE message, the fix, one summary line; severities other than error are marked', () => {
  const out = renderText(report([bad, renamed]));
  const lines = out.split('\n');
  assert.equal(lines[0], 'schemas/a,b:c.avsc:3:7: TYPE_MISMATCH 100% wrong <type> & "quotes"');
  assert.equal(lines[2], '  fix: use | pipes');
  assert.match(out, /schemas\/r\.avsc:3:7: SUBJECT_RENAMED \(info\) renamed\n/);
  assert.equal(
    lines.at(-2),
    'schemagate check failed: 2 subjects (1 incompatible, 1 renamed), 1 error, 0 warnings',
  );
});

test('github: workflow commands with escaped properties and data', () => {
  assert.equal(
    githubAnnotation(tricky),
    '::error file=schemas/a%2Cb%3Ac.avsc,line=3,col=7,title=schemagate TYPE_MISMATCH::100%25 wrong <type> & "quotes"%0Asecond line%0Afix: use | pipes',
  );
  assert.match(
    renderGithub(report([renamed])),
    /^::notice file=schemas\/r\.avsc,line=3,col=7,title=schemagate SUBJECT_RENAMED::renamed%0Afix: use \| pipes$/m,
  );
});

test('junit: well-formed, escaped, one failure per failing subject', () => {
  const xml = renderJunit(report([bad, renamed]));
  assert.match(xml, /<testsuite name="schemagate check" tests="2" failures="1"/);
  assert.match(xml, /message="incompatible: 100% wrong &lt;type&gt; &amp; &quot;quotes&quot;\nsecond line"/);
  assert.match(xml, /<system-out>schemas\/r\.avsc:3:7: SUBJECT_RENAMED \(info\) renamed<\/system-out>/);
  assert.doesNotMatch(
    xml.replace(/<\?xml[^>]*\?>/, ''),
    /<(?!\/?(testsuites|testsuite|testcase|failure|system-out)\b)/,
  );
});

test('sarif: levels, rules and locations', () => {
  const text = renderSarif(report([bad, renamed]));
  assert.deepEqual(sarifErrors(JSON.parse(text)), []);
  const sarif = JSON.parse(text) as {
    runs: Array<{
      tool: { driver: { rules: Array<{ id: string }> } };
      results: Array<{ ruleId: string; ruleIndex: number; level: string }>;
    }>;
  };
  const run = sarif.runs[0]!;
  assert.deepEqual(
    run.tool.driver.rules.map((r) => r.id),
    ['SUBJECT_RENAMED', 'TYPE_MISMATCH'],
  );
  assert.deepEqual(
    run.results.map((r) => [r.ruleId, r.ruleIndex, r.level]),
    [
      ['TYPE_MISMATCH', 1, 'error'],
      ['SUBJECT_RENAMED', 0, 'note'],
    ],
  );
});

test('markdown: table cells escaped, semantic diff with effects, unchanged subjects left out', () => {
  assert.equal(cell('a|b\nc'), 'a\\|b<br>c');
  const unchanged: SubjectReport = {
    subject: 'u',
    file: 'schemas/u.avsc',
    format: 'avro',
    level: 'BACKWARD',
    status: 'unchanged',
    versions: 3,
    findings: [],
  };
  const md = renderMarkdown(report([bad, renamed, unchanged]));
  assert.match(
    md,
    /^### schemagate: ❌ 1 error\n\n3 subjects checked against `main` \(abcdef0\); 1 error, 0 warnings\./,
  );
  assert.match(md, /\| added \| field 'x\\\|y' added \| `\/fields\/1` \| ❌ breaks FULL \|/);
  assert.match(md, /`schemas\/r\.avsc` \(was `old\/r\.avsc`\)/);
  assert.doesNotMatch(md, /schemas\/u\.avsc/);
  assert.match(renderMarkdown(report([unchanged])), /✅ all schema changes are compatible/);
});

test('every format renders', () => {
  for (const f of REPORT_FORMATS) assert.ok(renderReport(report([bad]), f).length > 0, f);
});

test('text and github show a problem found against many versions once, naming the versions', () => {
  const per = (v: number): Finding => ({
    ...tricky,
    message: `field x has no default (against version ${v}, ${'a'.repeat(7)}; BACKWARD_TRANSITIVE)`,
    version: v,
    fix: 'add one',
  });
  const s: SubjectReport = { ...bad, findings: [per(5), per(3), per(2), per(1)] };
  const out = renderText(report([s]));
  assert.match(
    out,
    /TYPE_MISMATCH field x has no default \(against versions 1–3, 5; BACKWARD_TRANSITIVE\)\n {2}fix: add one\nschemagate check failed: 1 subject \(1 incompatible\), 4 errors/,
  );
  assert.equal(
    renderGithub(report([s]))
      .split('\n')
      .filter((l) => l.startsWith('::error')).length,
    1,
  );
});

test('sarif: paths with spaces, % and non-ASCII are percent-encoded URIs, valid against the SARIF 2.1.0 schema', () => {
  const odd: SubjectReport = {
    ...bad,
    file: 'schemas/my orders%1/ü#?.avsc',
    findings: bad.findings.map((f) => ({ ...f, file: 'schemas/my orders%1/ü#?.avsc' })),
  };
  const log = JSON.parse(renderSarif(report([odd]))) as {
    runs: Array<{
      results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    }>;
  };
  assert.deepEqual(sarifErrors(log), []);
  const uri = log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
  assert.equal(uri, 'schemas/my%20orders%251/%C3%BC%23%3F.avsc');
  assert.equal(decodeURIComponent(uri), 'schemas/my orders%1/ü#?.avsc');
});

test('findings are sorted by file, line and column in every output', () => {
  const at = (line: number, column: number, rule: string): SubjectReport['findings'][number] => ({
    ...bad.findings[0]!,
    rule,
    line,
    column,
    message: 'here',
  });
  const unsorted: SubjectReport = {
    ...bad,
    findings: [at(9, 5, 'B_LATE'), at(2, 3, 'A_EARLY'), at(9, 1, 'C_MID')],
  };
  const order = (text: string): string[] => [...text.matchAll(/(A_EARLY|C_MID|B_LATE)/g)].map((m) => m[1]!);
  const expected = ['A_EARLY', 'C_MID', 'B_LATE'];
  const r = report([unsorted]);
  assert.deepEqual(order(renderText(r)), expected);
  assert.deepEqual(order(renderGithub(r)), expected);
  assert.deepEqual(order(renderJunit(r).split('<failure')[1]!.split('>').slice(1).join('>')), expected);
  assert.deepEqual(order(renderMarkdown(r).split('| Rule |')[1]!), expected);
  const sarif = JSON.parse(renderSarif(r)) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
  assert.deepEqual(
    sarif.runs[0]!.results.map((x) => x.ruleId),
    expected,
  );
});
