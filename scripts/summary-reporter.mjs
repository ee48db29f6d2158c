// Prints the closing line CI reads, "N passed, N failed, N skipped", counting tests (not suites or files).
export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.details?.type === 'suite') continue;
    if (data.skip || data.todo) skipped++;
    else if (event.type === 'test:pass') passed++;
    else {
      failed++;
      failures.push(`${data.file ?? ''} › ${data.name}`);
    }
  }
  if (failures.length) yield `\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`;
  yield `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
}
