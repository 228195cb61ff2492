import type { Reporter, TestModule, TestSuite } from 'vitest/node';

/**
 * Ends the run with a plain `N passed, N failed, N skipped` line that CI reads in any language.
 * A file or suite that fails outside a test (an import, a `beforeAll`) counts as one failure,
 * as does an error outside any file: Vitest fails the run for them, so the line must too. Its
 * tests, never run, are counted as skipped, as Vitest counts them.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    const broken: string[] = [];
    const visit = (node: TestModule | TestSuite, name: string) => {
      const failedTests = [...node.children.allTests('failed')].length;
      if (node.state() === 'failed' && failedTests === 0) broken.push(name);
      for (const suite of node.children.suites()) visit(suite, `${name} > ${suite.name}`);
    };
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed' || state === 'failed' || state === 'skipped') counts[state]++;
      }
      visit(m, m.relativeModuleId);
    }
    // A suite inside a broken file is broken by the same cause: count the cause once.
    const causes = broken.filter((b) => !broken.some((o) => o !== b && b.startsWith(`${o} > `)));
    counts.failed += causes.length;
    for (const c of causes) console.log(`failed outside a test: ${c}`);
    if (unhandledErrors.length) console.log(`errors outside any test: ${unhandledErrors.length}`);
    console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
