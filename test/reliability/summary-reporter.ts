/**
 * Prints, after the reliability suite, each part's summary line (the tests' `annotate(…, 'summary')`)
 * and the closing line `N passed, M failed` (CI reads it).
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const lines: string[] = [];
    for (const module of testModules) {
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed += 1;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
        for (const a of test.annotations()) if (a.type === 'summary') lines.push(a.message);
      }
    }
    process.stdout.write(
      `\n== reliability\n${lines.join('\n')}\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
}
