import { expect } from '@open-wc/testing';
import { define } from '../src/define.js';
import '../src/index.js';

describe('define', () => {
  it('does not throw when the script is included twice on a page', () => {
    const first = customElements.get('reinscription-wizard');
    expect(first).to.exist;
    // What a second copy of the bundle does when it loads: the first definition stays.
    expect(() => define('reinscription-wizard', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('reinscription-wizard')).to.equal(first);
  });

  it('defines a tag that does not exist yet', () => {
    class Probe extends HTMLElement {}
    define('reinscription-probe-test', Probe);
    expect(customElements.get('reinscription-probe-test')).to.equal(Probe);
  });
});

describe('the built bundle (dist/, built by `npm test` before the browser tests)', () => {
  it('loads twice on one page, as two plugins would include it, without an error', async () => {
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    const bundle = '/dist/reinscription-wizard.js';
    await import(/* @vite-ignore */ `${bundle}?copy=1`);
    await import(/* @vite-ignore */ `${bundle}?copy=2`);
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    for (const tag of ['reinscription-wizard', 'reinscription-login', 'reinscription-password-reset', 'reinscription-family-home']) {
      expect(customElements.get(tag), tag).to.exist;
    }
  });
});
