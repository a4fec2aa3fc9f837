// Reads lesson titles from the content files, so tests can click links by their visible text.
const fs = require('fs');
const path = require('path');

function lessonTitle(course, lesson) {
  const file = path.join(__dirname, '..', '..', 'content', course, `${lesson}.md`);
  const match = fs.readFileSync(file, 'utf8').match(/^title = "(.*)"$/m);
  if (!match) throw new Error(`no title in ${file}`);
  return match[1];
}

module.exports = { lessonTitle };
