/*
 * The login of src/elements/login/login.ts rebuilt with createElement in an open shadow root, the
 * styles adopted as a constructed sheet as Lit does: the widget's structure without Lit, its
 * templates or its module graph. scripts/bench.ts serves this file with the login's own styles
 * (src/ui/styles.ts and login.styles.ts) in place of the quoted LOGIN_CSS below.
 */
const css = '/* LOGIN_CSS */';

/** One element: attributes, then children (strings become text). */
function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

function field(id, label, input, after) {
  const row = h('div', { class: 'input-row' }, h('input', { id, name: id, autocapitalize: 'off', spellcheck: 'false', 'aria-invalid': 'false', ...input }));
  if (after) row.append(after);
  return h('div', { class: 'field' }, h('label', { for: id }, label), row);
}

const host = document.getElementById('login-host');
const root = host.attachShadow({ mode: 'open' });
const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
root.adoptedStyleSheets = [sheet];

const toggle = h('button', { type: 'button', class: 'button button--secondary password-toggle', 'aria-controls': 'password' }, 'Afficher le mot de passe');
const form = h(
  'form',
  { novalidate: '' },
  field('identifier', 'Identifiant', { type: 'text', autocomplete: 'username', maxlength: '100' }),
  field('password', 'Mot de passe', { type: 'password', autocomplete: 'current-password', maxlength: '200' }, toggle),
  h(
    'div',
    { class: 'actions' },
    h('button', { type: 'submit', class: 'button' }, 'Se connecter'),
    h('button', { type: 'button', class: 'button button--link' }, 'Mot de passe perdu\u202f?'),
  ),
);
toggle.addEventListener('click', () => {
  const password = root.getElementById('password');
  const shown = password.type === 'text';
  password.type = shown ? 'password' : 'text';
  toggle.textContent = shown ? 'Afficher le mot de passe' : 'Masquer le mot de passe';
});
form.addEventListener('submit', (event) => event.preventDefault());

root.append(
  h(
    'div',
    { lang: 'fr' },
    h('h2', { class: 'heading', tabindex: '-1' }, 'Connexion à votre espace famille'),
    h('p', {}, 'Saisissez l’identifiant et le mot de passe reçus du conservatoire. Vous pouvez les copier et les coller.'),
    form,
    h(
      'div',
      { class: 'footer' },
      h(
        'p',
        { class: 'contact' },
        'Une question\u202f? Écrivez au conservatoire\u202f: ',
        h('a', { href: 'mailto:conservatoire@limonest.fr' }, 'conservatoire@limonest.fr'),
      ),
    ),
  ),
);
