// Line-oriented bridge to the npm `semver` package (the ordering npm itself uses), so that the Python
// checker can ask for comparisons without re-implementing SemVer 2.0 precedence.
//
// Input: one request per line, two versions separated by a TAB. Output: one line per request, "-1", "0"
// or "1" (semver.compare, build metadata ignored as SemVer 2.0 section 10 says), or "invalid <which>"
// when a side is not a strict SemVer 2.0 version (no loose mode: npm publishes only strict versions).
// The first line of output is "ready <semver package version>" so the caller can print what it used.
'use strict';
const path = require('path');
const readline = require('readline');
const semverDir = process.argv[2];
const semver = require(path.resolve(semverDir));
const semverVersion = require(path.join(path.resolve(semverDir), 'package.json')).version;

process.stdout.write(`ready ${semverVersion}\n`);
const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on('line', (line) => {
  const [left, right] = line.split('\t');
  const a = semver.parse(left, { loose: false });
  const b = semver.parse(right, { loose: false });
  if (a === null) {
    process.stdout.write('invalid left\n');
  } else if (b === null) {
    process.stdout.write('invalid right\n');
  } else {
    process.stdout.write(`${semver.compare(a, b)}\n`);
  }
});
