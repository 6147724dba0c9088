import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '../../src/api/client.js';
import type { Campaign, RegistrationAnswers, UploadedDocument } from '../../src/api/contract.js';
import { setXhrFactory } from '../../src/api/upload.js';
import { parisDate, parisTime } from '../../src/format/paris-time.js';
import '../../src/elements/documents/documents.js';
import type { ReinscriptionDocuments } from '../../src/elements/documents/documents.js';
import { startMockBackend, type MockBackend } from '../../src/mocks/browser.js';
import { DEMO_CREDENTIALS } from '../../src/mocks/seed.js';
import { until } from '../helpers/dom.js';
import { FakeXhr, MB, emptyFile, exeFile, heicFile, noisyPhoto, pdfFile, randomFile, seedData, uploaded } from '../fixtures/documents.js';

// ---------------------------------------------------------------- helpers: read and act as a user

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function root(el: ReinscriptionDocuments): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

/** The row whose first cell (the document's name) contains this text. */
function row(el: ReinscriptionDocuments, name: string): HTMLTableRowElement {
  const found = [...root(el).querySelectorAll('tbody tr')].find((tr) => squash(tr.querySelector('th')?.textContent).includes(name));
  if (!(found instanceof HTMLTableRowElement)) throw new Error(`no row « ${name} »`);
  return found;
}

const rowNames = (el: ReinscriptionDocuments, caption: string) => {
  const table = [...root(el).querySelectorAll('table')].find((t) => squash(t.caption?.textContent).includes(caption));
  return table ? [...table.querySelectorAll('tbody th')].map((th) => squash(th.textContent)) : [];
};

/** A button by its visible text (the visually hidden piece name that follows is ignored). */
function button(scope: ParentNode, label: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) => squash(b.textContent).startsWith(label));
  if (!found) throw new Error(`no button « ${label} » in: ${[...scope.querySelectorAll('button')].map((b) => squash(b.textContent)).join(' | ')}`);
  return found;
}
const hasButton = (scope: ParentNode, label: string) => [...scope.querySelectorAll('button')].some((b) => squash(b.textContent).startsWith(label));

/** The campaign's last day for pieces, as the page writes it (« 30/09/2027 à 23 h 59 »). */
const documentsUntil = (el: ReinscriptionDocuments) => squash(`${parisDate(el.campaign!.documentsUntil)} à ${parisTime(el.campaign!.documentsUntil)}`);
const cell = (tr: HTMLTableRowElement, label: string) => squash(tr.querySelector(`td[data-label="${label}"]`)?.textContent);
const stateOf = (tr: HTMLTableRowElement) => cell(tr, 'État');
const announced = (el: ReinscriptionDocuments) => squash(root(el).querySelector('[role="status"][aria-live="polite"]')?.textContent);

/** What the browser does once a file is picked after « Choisir un fichier » (or « Prendre une photo »). */
function choose(tr: HTMLTableRowElement, file: File, role: 'file' | 'camera' = 'file'): void {
  const input = tr.querySelector<HTMLInputElement>(`input[type="file"][data-role="${role}"]`);
  if (!input) throw new Error(`no ${role} input`);
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

function drop(tr: HTMLTableRowElement, ...files: File[]): void {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  tr.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
  tr.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
  tr.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
}

const settle = async (el: ReinscriptionDocuments) => {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
};

// ---------------------------------------------------------------- setup: a client with a fake network

interface Setup {
  el: ReinscriptionDocuments;
  client: ApiClient;
  requests: { method: string; url: string }[];
  changes: UploadedDocument[][];
}

let n = 0;
const clients: ApiClient[] = [];

async function mount(
  options: {
    studentId?: 'gianni' | 'lina';
    documents?: UploadedDocument[];
    answers?: Partial<RegistrationAnswers>;
    adult?: boolean;
    campaign?: Campaign;
    client?: ApiClient;
  } = {},
): Promise<Setup> {
  const studentId = options.studentId ?? 'gianni';
  const seed = seedData(studentId);
  const requests: Setup['requests'] = [];
  n += 1;
  const client =
    options.client ??
    new ApiClient(`https://api.documents-test-${n}.example/v1`, {
      fetch: async (input, init) => {
        const url = String(input);
        requests.push({ method: init?.method ?? 'GET', url });
        if (init?.method === 'DELETE') return new Response(null, { status: 204 });
        if (url.endsWith('/link')) return Response.json({ url: 'https://files.example/abc123', expiresAt: '2099-01-01T00:00:00Z' });
        return Response.json({ code: 'not-found' }, { status: 404 });
      },
    });
  if (!options.client) client.session.set({ token: 'jeton-de-test-0123456789', expiresAt: '2099-01-01T00:00:00Z', serverNow: '2027-05-20T12:00:00Z' });
  clients.push(client);
  const changes: UploadedDocument[][] = [];
  const el = await fixture<ReinscriptionDocuments>(
    html`<reinscription-documents
      photo="always"
      .client=${client}
      .campaign=${options.campaign ?? seed.campaign}
      .registration=${seed.registration}
      .answers=${{ ...seed.answers, ...options.answers }}
      .adult=${options.adult ?? false}
      .studentId=${studentId}
      .documents=${options.documents ?? []}
      @reinscription-documents-change=${(e: CustomEvent<{ documents: UploadedDocument[] }>) => changes.push(e.detail.documents)}
    ></reinscription-documents>`,
  );
  return { el, client, requests, changes };
}

describe('<reinscription-documents>', function () {
  this.timeout(30000);

  beforeEach(() => {
    FakeXhr.instances = [];
    setXhrFactory(() => new FakeXhr());
  });
  afterEach(() => {
    setXhrFactory(undefined);
    for (const c of clients.splice(0)) c.session.clear();
  });

  it('shows the manual’s two tables, columns and texts', async () => {
    const { el } = await mount();
    const text = squash(root(el).textContent);
    expect(text).to.contain('La taille maximale autorisée pour chaque pièce justificative est fixée à 2 Mo.');
    expect(text).to.contain('Seul l’import de document PDF ou d’image est possible (formats acceptés : .pdf, .jpg, .jpeg, .png).');
    // Said once and consistently: moving on is allowed, and the file waits for its pieces.
    expect(text).to.contain(
      `Il vous manque une pièce ? Vous pouvez passer à l’étape suivante et l’ajouter plus tard depuis votre espace famille, jusqu’au ${documentsUntil(el)}. Tout dossier incomplet ne sera pas traité`,
    );
    expect(text.match(/incomplet/g)).to.have.length(1);
    expect(text).to.not.match(/invalide|veuillez|obligatoire/i);

    const captions = [...root(el).querySelectorAll('caption')].map((c) => squash(c.textContent));
    expect([...root(el).querySelectorAll('h3')].map((c) => squash(c.textContent))).to.deep.equal(captions);
    expect(captions).to.deep.equal(['Pièces à fournir – Famille', 'Pièces à fournir – Élève : Gianni MOREAU']);
    const headers = [...root(el).querySelectorAll('table')[0]!.querySelectorAll('thead th')].map((th) => squash(th.textContent));
    expect(headers).to.deep.equal(['Nom du document', 'Nom du fichier', 'Date', 'Heure', 'Taille', 'État', 'Actions']);

    // Limonest resident, paying by direct debit without a change of bank; Gianni plays music and theatre.
    expect(rowNames(el, 'Famille')).to.deep.equal(['Justificatif de domicile (de moins de 3 mois)', 'Attestation QF (CAF)']);
    expect(rowNames(el, 'Élève')).to.deep.equal(['Attestation de responsabilité civile']);
    expect(stateOf(row(el, 'Justificatif de domicile'))).to.equal('À fournir');
    expect(stateOf(row(el, 'Attestation QF'))).to.equal("Facultatif Sans attestation QF, le tarif le plus élevé (Q7) s'applique.");

    const rc = row(el, 'responsabilité civile');
    expect(hasButton(rc, 'Choisir un fichier')).to.equal(true);
    expect(hasButton(rc, 'Prendre une photo')).to.equal(true);
    const [fileInput, cameraInput] = [...rc.querySelectorAll('input[type="file"]')];
    expect(fileInput!.getAttribute('accept')).to.equal('.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png');
    expect(cameraInput!.getAttribute('accept')).to.equal('image/*');
    expect(cameraInput!.getAttribute('capture')).to.equal('environment');
  });

  describe('drag and drop is mentioned only with a fine pointer', () => {
    const realMatchMedia = window.matchMedia;
    const pointer = (kind: 'fine' | 'coarse') => {
      window.matchMedia = (query: string) => ({ ...realMatchMedia.call(window, query), matches: query.includes(`pointer: ${kind}`) });
    };
    afterEach(() => {
      window.matchMedia = realMatchMedia;
    });

    it('a phone (coarse pointer) is not told to drag a file, and is offered the camera', async () => {
      pointer('coarse');
      const { el } = await mount();
      expect(squash(root(el).textContent)).to.not.match(/glisser|déposer/i);
      await expect(el).to.be.accessible();
    });

    it('a computer with a mouse is told it can drag a file onto the row', async () => {
      pointer('fine');
      const { el } = await mount();
      expect(squash(root(el).textContent)).to.contain('Vous pouvez aussi faire glisser un fichier sur la ligne de la pièce.');
    });
  });

  it('« Choisir un fichier » opens the file picker (a real button clicking the hidden input)', async () => {
    const { el } = await mount();
    const rc = row(el, 'responsabilité civile');
    const input = rc.querySelector<HTMLInputElement>('input[data-role="file"]')!;
    let clicked = 0;
    input.addEventListener('click', (e) => {
      e.preventDefault();
      clicked += 1;
    });
    button(rc, 'Choisir un fichier').click();
    expect(clicked).to.equal(1);
  });

  describe('refuses, at once and in French, the files it cannot send', () => {
    const cases: [string, () => File, string][] = [
      [
        'a PDF over the limit',
        () => pdfFile('releve.pdf', 5.3 * MB),
        'Le fichier pèse 5,3 Mo ; la limite est de 2 Mo. Réduisez-le ou prenez une photo moins détaillée.',
      ],
      [
        'an executable renamed .pdf',
        () => exeFile('facture.pdf'),
        'Le fichier doit être un PDF, JPG ou PNG. « facture.pdf » en porte le nom, mais son contenu n’est dans aucun de ces formats',
      ],
      ['random bytes named .pdf', () => randomFile('scan.pdf'), 'Le fichier doit être un PDF, JPG ou PNG. « scan.pdf » en porte le nom'],
      [
        'a document of another kind',
        () => randomFile('lettre.docx'),
        'Le fichier doit être un PDF, JPG ou PNG ; « lettre.docx » n’est dans aucun de ces formats.',
      ],
      ['an empty file', () => emptyFile('vide.pdf'), 'Le fichier « vide.pdf » est vide (0 octet).'],
    ];
    for (const [what, make, message] of cases) {
      it(what, async () => {
        const { el } = await mount();
        const rc = row(el, 'responsabilité civile');
        choose(rc, make());
        await until(() => root(el).querySelector('[role="alert"]'), 'no refusal shown');
        const alert = row(el, 'responsabilité civile').querySelector('[role="alert"]');
        expect(squash(alert?.textContent)).to.contain(message);
        expect(squash(alert?.textContent)).to.match(/^Erreur :/);
        expect(FakeXhr.instances, 'nothing is sent').to.have.length(0);
        expect(stateOf(row(el, 'responsabilité civile'))).to.contain('À fournir');
        // The parent can choose another file straight away.
        expect(hasButton(row(el, 'responsabilité civile'), 'Choisir un fichier')).to.equal(true);
        expect(hasButton(row(el, 'responsabilité civile'), 'Réessayer')).to.equal(false);
      });
    }

    it('a HEIC photo, with instructions to send it as JPEG', async () => {
      const { el } = await mount();
      choose(row(el, 'responsabilité civile'), heicFile('IMG_0042.HEIC'));
      await until(() => root(el).querySelector('[role="alert"]'), 'the refusal');
      const alert = squash(row(el, 'responsabilité civile').querySelector('[role="alert"]')?.textContent);
      expect(alert).to.contain('La photo « IMG_0042.HEIC » est au format HEIC');
      expect(alert).to.contain('Prendre une photo');
      expect(alert).to.contain('Réglages > Appareil photo > Formats');
      expect(alert).to.contain('Aperçu');
      expect(FakeXhr.instances).to.have.length(0);
    });

    it('two files dropped on one row', async () => {
      const { el } = await mount();
      drop(row(el, 'responsabilité civile'), pdfFile('a.pdf'), pdfFile('b.pdf'));
      await settle(el);
      expect(squash(row(el, 'responsabilité civile').querySelector('[role="alert"]')?.textContent)).to.contain('Déposez un seul fichier à la fois');
    });
  });

  it('uploads a file with progress in bytes, then shows it as provided and announces it', async () => {
    const { el, changes } = await mount();
    choose(row(el, 'responsabilité civile'), pdfFile('attestation.pdf', 1.4 * MB));
    await until(() => FakeXhr.instances.length === 1, 'no upload started');
    const xhr = FakeXhr.last()!;
    expect(xhr.body?.get('typeCode')).to.equal('responsabilite-civile');
    expect(xhr.body?.get('studentId')).to.equal('gianni');
    expect(el.busy).to.equal(true);

    xhr.progress(Math.round(0.8 * MB));
    await settle(el);
    const rc = row(el, 'responsabilité civile');
    expect(stateOf(rc)).to.contain('Envoi : 0,8 Mo sur 1,4 Mo');
    expect(cell(rc, 'Nom du fichier')).to.equal('attestation.pdf');
    const bar = rc.querySelector('progress')!;
    expect(bar.value / bar.max).to.be.closeTo(0.8 / 1.4, 0.01);
    expect(bar.getAttribute('aria-label')).to.equal('Envoi de attestation.pdf');
    expect(hasButton(rc, 'Annuler l’envoi')).to.equal(true);

    let idle = false;
    void el.whenIdle().then(() => (idle = true));
    await settle(el);
    expect(idle, 'whenIdle waits for the upload').to.equal(false);

    const doc = xhr.accept();
    await el.whenIdle();
    await settle(el);
    expect(el.busy).to.equal(false);
    const done = row(el, 'responsabilité civile');
    expect(stateOf(done)).to.equal('Fourni');
    expect(cell(done, 'Nom du fichier')).to.equal('attestation.pdf');
    expect(cell(done, 'Taille')).to.equal('1,4 Mo');
    expect(cell(done, 'Date')).to.match(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(cell(done, 'Heure')).to.match(/^\d{1,2} h \d{2}$/);
    expect(hasButton(done, 'Consulter')).to.equal(true);
    expect(hasButton(done, 'Supprimer')).to.equal(true);
    expect(announced(el)).to.equal('Fichier ajouté : attestation.pdf (1,4 Mo)');
    expect(changes).to.deep.equal([[doc]]);
  });

  it('cancels an upload', async () => {
    const { el, changes } = await mount();
    choose(row(el, 'responsabilité civile'), pdfFile('attestation.pdf'));
    await until(() => FakeXhr.instances.length === 1, 'an upload to start');
    await settle(el);
    button(row(el, 'responsabilité civile'), 'Annuler l’envoi').click();
    await el.whenIdle();
    await settle(el);
    expect(FakeXhr.last()!.aborted).to.equal(true);
    expect(stateOf(row(el, 'responsabilité civile'))).to.equal('À fournir');
    expect(announced(el)).to.equal('Envoi annulé : attestation.pdf');
    expect(changes).to.have.length(0);
    expect(el.busy).to.equal(false);
  });

  it('retries a failed upload without choosing the file again', async () => {
    const { el, changes } = await mount();
    const file = pdfFile('attestation.pdf');
    choose(row(el, 'responsabilité civile'), file);
    await until(() => FakeXhr.instances.length === 1, 'an upload to start');
    FakeXhr.last()!.fail();
    await el.whenIdle();
    await settle(el);
    const failed = row(el, 'responsabilité civile');
    const alert = squash(failed.querySelector('[role="alert"]')?.textContent);
    expect(alert).to.contain('« attestation.pdf » n’a pas été envoyé.');
    expect(alert).to.contain('Vérifiez votre connexion Internet');

    button(failed, 'Réessayer').click();
    await until(() => FakeXhr.instances.length === 2, 'no second upload');
    const again = FakeXhr.last()!;
    expect(again.file.name).to.equal('attestation.pdf');
    expect(again.file.size).to.equal(file.size);
    again.accept();
    await el.whenIdle();
    await settle(el);
    expect(stateOf(row(el, 'responsabilité civile'))).to.equal('Fourni');
    expect(changes).to.have.length(1);
  });

  it('explains a refusal by the server in the same words as its own checks', async () => {
    const { el } = await mount();
    choose(row(el, 'responsabilité civile'), pdfFile('attestation.pdf'));
    await until(() => FakeXhr.instances.length === 1, 'an upload to start');
    FakeXhr.last()!.respond(422, { code: 'unsupported-type', message: 'Seuls les documents PDF, JPEG ou PNG sont acceptés.' });
    await el.whenIdle();
    await settle(el);
    const rc = row(el, 'responsabilité civile');
    expect(squash(rc.querySelector('[role="alert"]')?.textContent)).to.contain('Le fichier doit être un PDF, JPG ou PNG');
    expect(hasButton(rc, 'Réessayer')).to.equal(false);
  });

  it('deletes a file after an inline confirmation', async () => {
    const doc = uploaded({ typeCode: 'responsabilite-civile', fileName: 'attestation.pdf' });
    const { el, requests, changes } = await mount({ documents: [doc] });
    const rc = row(el, 'responsabilité civile');
    expect(stateOf(rc)).to.equal('Fourni');
    expect(cell(rc, 'Taille')).to.equal('1,2 Mo');

    button(rc, 'Supprimer').click();
    await settle(el);
    let confirm = row(el, 'responsabilité civile');
    const question = confirm.querySelector('.confirm-question');
    expect(squash(question?.textContent)).to.equal('Supprimer attestation.pdf ?');
    expect(root(el).activeElement).to.equal(question);

    button(confirm, 'Annuler').click();
    await settle(el);
    expect(requests).to.have.length(0);
    expect(stateOf(row(el, 'responsabilité civile'))).to.equal('Fourni');

    button(row(el, 'responsabilité civile'), 'Supprimer').click();
    await settle(el);
    confirm = row(el, 'responsabilité civile');
    button(confirm, 'Confirmer').click();
    await el.whenIdle();
    await settle(el);
    expect(requests).to.deep.equal([{ method: 'DELETE', url: `${el.client!.baseUrl}/documents/${doc.id}` }]);
    expect(stateOf(row(el, 'responsabilité civile'))).to.equal('À fournir');
    expect(announced(el)).to.equal('Fichier supprimé : attestation.pdf');
    expect(changes).to.deep.equal([[]]);
  });

  it('« Consulter » opens a window inside the click, then points it at the short-lived link', async () => {
    const doc = uploaded({ typeCode: 'responsabilite-civile' });
    const { el, requests } = await mount({ documents: [doc] });
    const opened: { href: string; opener: unknown }[] = [];
    const fakeWindow = { opener: {} as unknown, closed: false, location: { href: 'about:blank' }, close() {} };
    const realOpen = window.open;
    window.open = ((url?: string | URL) => {
      opened.push({ href: String(url), opener: fakeWindow.opener });
      return fakeWindow as unknown as Window;
    }) as typeof window.open;
    try {
      button(row(el, 'responsabilité civile'), 'Consulter').click();
      // Synchronously, before the link was even asked for: popup blockers allow it.
      expect(opened).to.have.length(1);
      expect(fakeWindow.opener).to.equal(null);
      await until(() => fakeWindow.location.href !== 'about:blank', 'the piece to open');
      expect(fakeWindow.location.href).to.equal('https://files.example/abc123');
      expect(requests[0]).to.deep.equal({ method: 'GET', url: `${el.client!.baseUrl}/documents/${doc.id}/link` });
    } finally {
      window.open = realOpen;
    }
  });

  it('shows a link when the browser blocks the new window', async () => {
    const doc = uploaded({ typeCode: 'responsabilite-civile', fileName: 'attestation.pdf' });
    const { el } = await mount({ documents: [doc] });
    const realOpen = window.open;
    window.open = (() => null) as typeof window.open;
    try {
      button(row(el, 'responsabilité civile'), 'Consulter').click();
      await until(() => row(el, 'responsabilité civile').querySelector('a'), 'the link to the piece');
      const link = row(el, 'responsabilité civile').querySelector('a')!;
      expect(link.href).to.equal('https://files.example/abc123');
      expect(link.rel).to.contain('noopener');
      expect(squash(link.textContent)).to.equal('Ouvrir attestation.pdf (nouvelle fenêtre)');
    } finally {
      window.open = realOpen;
    }
  });

  it('keeps focus in the row when its button is replaced', async () => {
    const { el } = await mount();
    button(row(el, 'responsabilité civile'), 'Choisir un fichier').focus();
    choose(row(el, 'responsabilité civile'), pdfFile('attestation.pdf'));
    await until(() => FakeXhr.instances.length === 1, 'an upload to start');
    await settle(el);
    expect(squash(root(el).activeElement?.textContent)).to.match(/^Annuler l’envoi/);
    button(row(el, 'responsabilité civile'), 'Annuler l’envoi').click();
    await el.whenIdle();
    await settle(el);
    expect(squash(root(el).activeElement?.textContent)).to.match(/^Choisir un fichier/);
  });

  it('after the date the backend gives, shows the pieces but no longer offers to add or delete any', async () => {
    const seed = seedData('gianni');
    const campaign = { ...seed.campaign, documentsUntil: '2027-06-01T23:59:00+02:00', serverNow: '2027-06-02T08:00:00Z' };
    const doc = uploaded({ typeCode: 'responsabilite-civile' });
    const { el } = await mount({ campaign, documents: [doc] });
    expect(squash(root(el).querySelector('[role="alert"]')?.textContent)).to.contain('L’ajout de pièces en ligne est clos depuis le 01/06/2027 à 23 h 59.');
    expect(hasButton(root(el), 'Choisir un fichier')).to.equal(false);
    expect(hasButton(row(el, 'responsabilité civile'), 'Consulter')).to.equal(true);
    expect(hasButton(row(el, 'responsabilité civile'), 'Supprimer')).to.equal(false);
  });

  it('uploads a file dropped on a row', async () => {
    const { el } = await mount();
    drop(row(el, 'Justificatif de domicile'), pdfFile('edf.pdf'));
    await until(() => FakeXhr.instances.length === 1, 'an upload to start');
    expect(FakeXhr.last()!.file.name).to.equal('edf.pdf');
    expect(FakeXhr.last()!.body?.get('typeCode')).to.equal('justificatif-domicile');
  });

  it('reduces a 12-megapixel photo to fit the real 2 MB limit, then uploads it', async () => {
    const { el } = await mount();
    const photo = await noisyPhoto();
    expect(photo.size).to.be.above(2 * MB);
    choose(row(el, 'responsabilité civile'), photo, 'camera');
    await settle(el);
    expect(stateOf(row(el, 'responsabilité civile'))).to.match(/Vérification du fichier|Réduction de la photo/);
    await until(() => FakeXhr.instances.length === 1, 'the photo was never sent', 20000);
    await settle(el);
    const xhr = FakeXhr.last()!;
    const sent = xhr.file;
    expect(sent.type).to.equal('image/jpeg');
    expect(sent.name).to.equal('IMG_1234.jpg');
    expect(sent.size).to.be.at.most(2 * MB);
    const bitmap = await createImageBitmap(sent);
    expect(Math.max(bitmap.width, bitmap.height)).to.be.at.least(1600);
    expect(bitmap.width / bitmap.height).to.be.closeTo(4 / 3, 0.01);
    bitmap.close();

    const note = `Photo réduite de ${(photo.size / MB).toFixed(1).replace('.', ',')} Mo à ${(sent.size / MB).toFixed(1).replace('.', ',')} Mo.`;
    expect(stateOf(row(el, 'responsabilité civile'))).to.contain(note);
    xhr.accept();
    await el.whenIdle();
    await settle(el);
    expect(stateOf(row(el, 'responsabilité civile'))).to.equal(`Fourni ${note}`);
  });

  it('shows the SEPA mandate and IBAN only for direct debit with a change of bank', async () => {
    const { el } = await mount({ answers: { paymentMode: 'direct-debit', bankChanged: false } });
    const sepa = 'Mandat SEPA de prélèvement automatique (à télécharger sur le site de la mairie)';
    const iban = 'RIB / IBAN (pour le règlement par prélèvement)';
    expect(rowNames(el, 'Famille')).to.not.include(sepa);

    const seed = seedData('gianni');
    el.answers = { ...seed.answers, paymentMode: 'direct-debit', bankChanged: true };
    await settle(el);
    expect(rowNames(el, 'Famille')).to.include.members([sepa, iban]);
    expect(stateOf(row(el, 'Mandat SEPA'))).to.equal('À fournir');

    el.answers = { ...seed.answers, paymentMode: 'single', bankChanged: null };
    await settle(el);
    expect(rowNames(el, 'Famille')).to.not.include(sepa);
    expect(rowNames(el, 'Famille')).to.not.include(iban);
  });

  it('keeps a piece sent for an answer that changed, so it can be removed', async () => {
    const sepa = uploaded({ typeCode: 'mandat-sepa', scope: 'family', studentId: null, fileName: 'mandat.pdf' });
    const { el } = await mount({ documents: [sepa], answers: { paymentMode: 'single', bankChanged: null } });
    const tr = row(el, 'Mandat SEPA');
    expect(stateOf(tr)).to.contain('plus demandé');
    expect(hasButton(tr, 'Supprimer')).to.equal(true);
  });

  it('asks the dance pieces of a dance student, by age', async () => {
    const child = await mount({ studentId: 'lina' });
    expect(rowNames(child.el, 'Élève')).to.deep.equal([
      'Attestation de responsabilité civile',
      "Danse enfant - Attestation sur l'honneur",
      'Danse enfant ou adulte - Questionnaire médical',
    ]);
    child.el.adult = true;
    await settle(child.el);
    expect(rowNames(child.el, 'Élève')).to.include("Danse adulte - Attestation sur l'honneur");
  });

  it('shares family pieces between two students: uploaded once', async () => {
    const gianni = await mount({ studentId: 'gianni' });
    const lina = await mount({ studentId: 'lina', client: gianni.client });
    choose(row(gianni.el, 'Justificatif de domicile'), pdfFile('edf.pdf'));
    await until(() => FakeXhr.instances.length === 1, 'an upload to start');
    const xhr = FakeXhr.last()!;
    expect(xhr.body?.has('studentId'), 'a family piece belongs to no student').to.equal(false);
    xhr.accept();
    await gianni.el.whenIdle();
    // The wizard hands the new list to the other student's step.
    lina.el.documents = gianni.changes[0]!;
    await settle(lina.el);
    expect(stateOf(row(gianni.el, 'Justificatif de domicile'))).to.equal('Fourni');
    expect(stateOf(row(lina.el, 'Justificatif de domicile'))).to.equal('Déjà fournie pour la famille');
    expect(cell(row(lina.el, 'Justificatif de domicile'), 'Nom du fichier')).to.equal('edf.pdf');

    // A student piece stays with its student.
    choose(row(gianni.el, 'responsabilité civile'), pdfFile('rc.pdf'));
    await until(() => FakeXhr.instances.length === 2, 'a second upload to start');
    FakeXhr.last()!.accept();
    await gianni.el.whenIdle();
    lina.el.documents = gianni.changes[1]!;
    await settle(lina.el);
    expect(stateOf(row(lina.el, 'responsabilité civile'))).to.equal('À fournir');
  });

  it("on the second child's step 3, a family piece already sent reads « Déjà fournie pour la famille »", async () => {
    // Sent during MOREAU Gianni's step 3: a family piece has no student (studentId null).
    const home = uploaded({ typeCode: 'justificatif-domicile', scope: 'family', studentId: null, fileName: 'edf.pdf' });
    const { el } = await mount({ studentId: 'lina', documents: [home] });
    expect(squash(root(el).querySelector('h3')?.textContent)).to.equal('Pièces à fournir – Famille');
    const domicile = row(el, 'Justificatif de domicile');
    expect(stateOf(domicile)).to.equal('Déjà fournie pour la famille');
    expect(cell(domicile, 'Nom du fichier')).to.equal('edf.pdf');
    expect(hasButton(domicile, 'Choisir un fichier')).to.equal(false);
    // Lina's own pieces are still hers to send.
    expect(stateOf(row(el, 'responsabilité civile'))).to.equal('À fournir');
    await expect(el).to.be.accessible();

    // A family piece sent on this page reads « Fourni », as any other.
    choose(row(el, 'Attestation QF'), pdfFile('qf.pdf'));
    await until(() => FakeXhr.instances.length === 1, 'an upload to start');
    FakeXhr.last()!.accept();
    await el.whenIdle();
    await settle(el);
    expect(stateOf(row(el, 'Attestation QF'))).to.equal('Fourni');
    expect(stateOf(row(el, 'Justificatif de domicile'))).to.equal('Déjà fournie pour la famille');
  });

  describe('mode="later": adding the pieces of a file already sent', () => {
    const sent = (studentId: 'gianni' | 'lina') => {
      const seed = seedData(studentId);
      return {
        ...seed.registration,
        status: 'envoyee-incomplete' as const,
        submission: {
          reference: 'REI-2027-000042',
          submittedAt: '2027-05-26T08:00:00Z',
          status: 'envoyee-incomplete' as const,
          missingDocuments: ['responsabilite-civile'],
          receipt: { sent: false },
        },
      };
    };

    it("has its own heading and text, never « passer à l'étape suivante »", async () => {
      const { el } = await mount();
      el.registration = sent('gianni');
      el.mode = 'later';
      await settle(el);
      expect(squash(root(el).querySelector('h2')?.textContent)).to.equal('Ajouter des pièces : Gianni MOREAU');
      const text = squash(root(el).textContent);
      expect(text).to.contain('La réinscription est envoyée. Il reste à fournir les pièces marquées « À fournir » ci-dessous');
      expect(text).to.contain(`Vous pouvez les ajouter jusqu’au ${documentsUntil(el)}.`);
      expect(text).to.not.match(/étape suivante/i);
      expect(stateOf(row(el, 'responsabilité civile'))).to.equal('À fournir');
      // The labels the journey test drives stay the same.
      expect(hasButton(row(el, 'responsabilité civile'), 'Choisir un fichier')).to.equal(true);
      await expect(el).to.be.accessible();
      el.focusHeading();
      expect(root(el).activeElement).to.equal(root(el).querySelector('h2'));
    });

    it('says when nothing is left to send', async () => {
      const rc = uploaded({ typeCode: 'responsabilite-civile', scope: 'student', studentId: 'gianni', fileName: 'rc.pdf' });
      const home = uploaded({ typeCode: 'justificatif-domicile', scope: 'family', studentId: null, fileName: 'edf.pdf' });
      const { el } = await mount({ documents: [rc, home] });
      el.registration = sent('gianni');
      el.mode = 'later';
      await settle(el);
      expect(squash(root(el).textContent)).to.contain('Toutes les pièces demandées sont fournies : il ne vous reste rien à envoyer.');
      await expect(el).to.be.accessible();
    });

    it('step 3 stays the default', async () => {
      const { el } = await mount();
      expect(el.mode).to.equal('step');
      expect(squash(root(el).querySelector('h2')?.textContent)).to.equal('Documents');
    });
  });

  it('is accessible with files in every state', async () => {
    const home = uploaded({ typeCode: 'justificatif-domicile', scope: 'family', studentId: null, fileName: 'edf.pdf' });
    const { el } = await mount({ studentId: 'lina', documents: [home], answers: { paymentMode: 'direct-debit', bankChanged: true } });
    // Provided, with its deletion being confirmed.
    button(row(el, 'Justificatif de domicile'), 'Supprimer').click();
    // Refused (too large), refused (HEIC), uploading, failed with retry; the rest missing or optional.
    choose(row(el, 'Mandat SEPA'), pdfFile('mandat.pdf', 3 * MB));
    choose(row(el, 'Attestation QF'), heicFile());
    choose(row(el, 'responsabilité civile'), pdfFile('rc.pdf'));
    choose(row(el, 'Questionnaire médical'), pdfFile('questionnaire.pdf'));
    await until(() => FakeXhr.instances.length === 2, 'a second upload to start');
    FakeXhr.instances[0]!.progress(300000);
    FakeXhr.instances[1]!.fail();
    await until(() => hasButton(row(el, 'Questionnaire médical'), 'Réessayer'), '« Réessayer »');
    await settle(el);
    expect(stateOf(row(el, 'responsabilité civile'))).to.contain('Envoi :');
    expect(squash(row(el, 'Mandat SEPA').textContent)).to.contain('la limite est de 2 Mo');
    expect(squash(row(el, 'Attestation QF').textContent)).to.contain('HEIC');
    expect(row(el, 'Justificatif de domicile').querySelector('.confirm-question')).to.not.equal(null);
    expect(stateOf(row(el, 'IBAN'))).to.equal('À fournir');
    await expect(el).to.be.accessible();
    FakeXhr.instances[0]!.abort();
    await el.whenIdle();
  });

  it('lets a parent move on: whenIdle resolves at once when nothing runs', async () => {
    const { el } = await mount();
    expect(el.busy).to.equal(false);
    await el.whenIdle();
  });
});

describe('<reinscription-documents> on its own page', function () {
  this.timeout(30000);
  let backend: MockBackend;
  const baseUrl = '/api-documents-standalone';

  before(async () => {
    backend = await startMockBackend({ baseUrl });
  });
  after(() => backend.stop());
  afterEach(() => {
    new ApiClient(baseUrl).session.clear();
    sessionStorage.clear();
  });

  it('shows the login without a session, then loads the student’s pieces and uploads through the real XMLHttpRequest', async () => {
    const el = await fixture<ReinscriptionDocuments>(html`<reinscription-documents api-url=${baseUrl} student-id="lina"></reinscription-documents>`);
    const login = root(el).querySelector('reinscription-login');
    expect(login, 'the login is shown').to.not.equal(null);
    await login!.updateComplete;
    const lr = login!.shadowRoot!;
    const type = (id: string, value: string) => {
      const input = lr.getElementById(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new InputEvent('input'));
    };
    type('identifier', DEMO_CREDENTIALS.identifier);
    type('password', DEMO_CREDENTIALS.password);
    await login!.updateComplete;
    lr.querySelector('form')!.requestSubmit();

    await until(() => root(el).querySelector('table'), 'the tables never appeared', 10000);
    // On its own page there is no next step: it reads as the page for adding pieces.
    expect(squash(root(el).querySelector('h2')?.textContent)).to.equal('Ajouter des pièces : Lina MOREAU');
    expect(squash(root(el).textContent)).to.not.match(/étape suivante/i);
    expect(rowNames(el, 'Élève')).to.include("Danse enfant - Attestation sur l'honneur");

    const changes: UploadedDocument[][] = [];
    el.addEventListener('reinscription-documents-change', (e) => changes.push(e.detail.documents));
    choose(row(el, 'responsabilité civile'), pdfFile('attestation.pdf', 0.3 * MB));
    await until(() => changes.length === 1, 'no upload', 10000);
    await settle(el);
    expect(stateOf(row(el, 'responsabilité civile'))).to.equal('Fourni');
    const stored = [...backend.store.documents.values()];
    expect(stored.map((d) => [d.typeCode, d.studentId, d.fileName, d.mimeType])).to.deep.equal([
      ['responsabilite-civile', 'lina', 'attestation.pdf', 'application/pdf'],
    ]);
    expect(changes[0]!.map((d) => d.id)).to.deep.equal(stored.map((d) => d.id));
  });

  it('loads when someone logs in elsewhere on the page, and shows the login again after a logout', async () => {
    const el = await fixture<ReinscriptionDocuments>(html`<reinscription-documents api-url=${baseUrl} student-id="gianni"></reinscription-documents>`);
    expect(root(el).querySelector('reinscription-login')).to.not.equal(null);
    // Another element of the page (the family home, a second step) shares the session of this api-url.
    const other = new ApiClient(baseUrl);
    await other.login(DEMO_CREDENTIALS);
    await until(() => root(el).querySelector('table'), 'the tables never appeared', 10000);
    expect(rowNames(el, 'Élève')).to.deep.equal(['Attestation de responsabilité civile']);
    other.session.clear();
    await settle(el);
    expect(root(el).querySelector('reinscription-login')).to.not.equal(null);
    expect(root(el).querySelector('table')).to.equal(null);
  });

  describe('with a client whose answers the test chooses', () => {
    const standalone = async (answer: () => Response, studentId = 'gianni') => {
      n += 1;
      const requests: string[] = [];
      const client = new ApiClient(`https://api.documents-standalone-${n}.example/v1`, {
        fetch: async (input) => {
          requests.push(String(input));
          return answer();
        },
      });
      client.session.set({ token: 'jeton-de-test-0123456789', expiresAt: '2099-01-01T00:00:00Z', serverNow: '2027-05-20T12:00:00Z' });
      clients.push(client);
      const el = await fixture<ReinscriptionDocuments>(html`<reinscription-documents .client=${client} student-id=${studentId}></reinscription-documents>`);
      return { el, client, requests };
    };
    afterEach(() => {
      for (const c of clients.splice(0)) c.session.clear();
    });

    it('a refused session (401) clears it and shows the login', async () => {
      const { el, client } = await standalone(() => Response.json({ code: 'unauthorized' }, { status: 401 }));
      await until(() => root(el).querySelector('reinscription-login'), 'the login never came back');
      expect(client.session.token).to.equal(null);
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    });

    it('another failure is explained, and tried again when the session changes', async () => {
      let fail = true;
      const { el, client, requests } = await standalone(() =>
        fail ? Response.json({ code: 'server' }, { status: 500 }) : Response.json({ code: 'not-found' }, { status: 404 }),
      );
      await until(() => root(el).querySelector('[role="alert"]'), 'no error shown');
      const before = requests.length;
      expect(before).to.be.above(0);
      expect(root(el).querySelector('reinscription-login')).to.equal(null);
      fail = false;
      client.session.set({ token: 'jeton-de-test-0123456789', expiresAt: '2099-01-02T00:00:00Z', serverNow: '2027-05-20T12:00:00Z' });
      await until(() => requests.length > before, 'not tried again');
    });

    it('without student-id, says the page does not know which student', async () => {
      const { el, requests } = await standalone(() => Response.json({}), '');
      await settle(el);
      expect(squash(root(el).querySelector('[role="alert"]')?.textContent)).to.equal(
        'Cette page ne sait pas de quel élève il s’agit. Revenez à votre espace famille et choisissez l’élève.',
      );
      expect(requests).to.have.length(0);
    });
  });
});
