/**
 * Browser script of the simulated Connect page, served as /connect/assets/connect.js (never
 * inline: the page runs under `script-src 'self'`). Flow: consent → provider → sign-in
 * (credential, API token, OAuth consent or assisted instructions) → optional MFA → result.
 * Embedded (react-connect: `sdk_host_url` present) it posts `finch-auth-message-v2` messages
 * (success with code and state, error, closed) to the sdk_host_url origin only; otherwise it
 * redirects to the session's redirect_uri with code and state, or shows the code.
 * Plain ES2017 without template literals, so it can live in this TypeScript string. The
 * sign-in screens live in page-script-sign-in.ts and are spliced into the same closure.
 */
import { SIGN_IN_SCREENS } from './page-script-sign-in';

export const CONNECT_SCRIPT = String.raw`(function () {
  'use strict';
  var MESSAGE_NAME = 'finch-auth-message-v2';
  var params = new URLSearchParams(window.location.search);
  var sessionId = params.get('session') || '';
  var state = params.get('state');
  var sdkHostUrl = params.get('sdk_host_url') || '';
  var embedded = sdkHostUrl !== '';
  var targetOrigin = originOf(sdkHostUrl);
  var card = document.getElementById('card');
  var ctx = { session: null, provider: null, method: null, done: false };
  var METHOD_LABELS = { credential: 'Sign in', api_token: 'API token', oauth: 'OAuth', assisted: 'Assisted' };

  function originOf(url) {
    if (!url) return null;
    try {
      var parsed = new URL(url);
      if (parsed.origin && parsed.origin !== 'null') return parsed.origin;
      return parsed.protocol + '//' + parsed.host;
    } catch (e) {
      return null;
    }
  }

  function post(message) {
    if (!embedded || !targetOrigin || window.parent === window) return;
    message.name = MESSAGE_NAME;
    window.parent.postMessage(message, targetOrigin);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function button(label, className, onClick, testId) {
    var b = el('button', className, label);
    b.type = 'button';
    if (testId) b.setAttribute('data-testid', testId);
    b.addEventListener('click', onClick);
    return b;
  }

  function frame(options) {
    card.textContent = '';
    var top = el('div', 'topbar');
    var left = el('div', 'topbar-side');
    if (options.back) {
      var back = button('\u2039', 'icon-button', options.back, 'back');
      back.setAttribute('aria-label', 'Back');
      left.appendChild(back);
    }
    top.appendChild(left);
    var brand = el('div', 'brand');
    brand.appendChild(el('span', 'brand-mark', 'f'));
    brand.appendChild(el('span', null, 'finch'));
    brand.appendChild(el('span', 'sim-badge', 'Simulator'));
    top.appendChild(brand);
    var right = el('div', 'topbar-side right');
    var close = button('\u00d7', 'icon-button', closeConnect, 'close');
    close.setAttribute('aria-label', 'Close');
    right.appendChild(close);
    top.appendChild(right);
    card.appendChild(top);
    if (typeof options.step === 'number') {
      var progress = el('div', 'progress');
      for (var i = 0; i < 3; i++) progress.appendChild(el('span', i <= options.step ? 'dot on' : 'dot'));
      card.appendChild(progress);
    }
    var body = el('div', 'body');
    card.appendChild(body);
    // Actions stay pinned below the scrolling content.
    var footer = el('div', 'footer');
    card.appendChild(footer);
    return { body: body, footer: footer };
  }

  function closeConnect() {
    if (ctx.done) return;
    ctx.done = true;
    post({ kind: 'closed' });
    var body = frame({}).body;
    var center = el('div', 'center');
    center.appendChild(el('h1', null, 'Finch Connect closed'));
    center.appendChild(el('p', 'lead', 'No connection was made. You can close this window.'));
    body.appendChild(center);
  }

  function fail(message, type, shouldClose) {
    post({ kind: 'error', error: { message: message, type: type === 'validation_error' ? 'validation_error' : 'employer_connection_error', shouldClose: !!shouldClose } });
    var ui = frame({});
    var body = ui.body;
    var center = el('div', 'center');
    center.appendChild(el('div', 'mark bad', '!'));
    center.appendChild(el('h1', null, 'Something went wrong'));
    var text = el('p', 'lead', message);
    text.setAttribute('role', 'alert');
    text.setAttribute('data-testid', 'error-message');
    center.appendChild(text);
    body.appendChild(center);
    if (!shouldClose && ctx.provider) ui.footer.appendChild(button('Try again', 'primary', function () { renderSignIn(ctx.provider, ctx.method); }, 'retry'));
    ui.footer.appendChild(button('Close', 'secondary', closeConnect, 'close-after-error'));
  }

  function renderIntro() {
    var s = ctx.session;
    var ui = frame({ step: 0 });
    var body = ui.body;
    var hero = el('div', 'hero');
    hero.appendChild(el('div', 'hero-tile', (s.customer_name || '?').charAt(0).toUpperCase()));
    hero.appendChild(el('span', 'hero-link', '\u2022\u2022\u2022'));
    hero.appendChild(el('div', 'hero-tile finch', 'f'));
    body.appendChild(hero);
    body.appendChild(el('h1', null, s.kind === 'reauthenticate' ? 'Reconnect your HR & payroll system' : 'Connect your HR & payroll system'));
    body.appendChild(el('p', 'lead', 'Finch securely shares ' + (s.customer_name ? s.customer_name + '\u2019s' : 'your') + ' employment data with the application that sent you here. It will be able to read:'));
    var list = el('ul', 'permissions');
    s.products.forEach(function (p) {
      var item = el('li');
      item.appendChild(el('span', 'check', '\u2713'));
      var label = el('span', null, p.label);
      label.appendChild(el('span', 'desc', p.description));
      item.appendChild(label);
      list.appendChild(item);
    });
    body.appendChild(list);
    ui.footer.appendChild(button('Continue', 'primary', function () {
      if (s.preselected_provider && s.providers.length === 1) renderSignIn(s.providers[0], null);
      else renderProviders();
    }, 'continue'));
    ui.footer.appendChild(el('p', 'fineprint', 'Local Finch simulator: no real provider is contacted and no data leaves this machine.'));
  }

  function renderProviders() {
    var body = frame({ step: 1, back: renderIntro }).body;
    body.appendChild(el('h1', null, 'Select your provider'));
    body.appendChild(el('p', 'lead', 'Choose the system you use to run payroll or manage employees.'));
    var search = el('input', 'search');
    search.type = 'search';
    search.placeholder = 'Search providers';
    search.setAttribute('aria-label', 'Search providers');
    body.appendChild(search);
    var list = el('ul', 'providers');
    body.appendChild(list);
    var empty = el('p', 'empty', 'No provider matches your search.');
    function draw() {
      var q = search.value.trim().toLowerCase();
      list.textContent = '';
      var shown = ctx.session.providers.filter(function (p) { return p.display_name.toLowerCase().indexOf(q) >= 0; });
      shown.forEach(function (p) {
        var item = el('li');
        var b = button('', 'provider', function () { renderSignIn(p, null); }, 'provider-' + p.id);
        var img = el('img');
        img.src = p.logo;
        img.alt = '';
        b.appendChild(img);
        b.appendChild(el('span', null, p.display_name));
        if (p.auth_methods.length === 1 && p.auth_methods[0] === 'assisted') b.appendChild(el('span', 'tag', 'Assisted'));
        item.appendChild(b);
        list.appendChild(item);
      });
      if (shown.length === 0) list.appendChild(empty);
    }
    search.addEventListener('input', draw);
    draw();
    search.focus();
  }

  ${SIGN_IN_SCREENS}

  function authorize(creds, ui) {
    ui.error.textContent = '';
    ui.submit.disabled = true;
    ui.submit.textContent = 'Connecting\u2026';
    var payload = Object.assign({ provider_id: ctx.provider.id, auth_method: ctx.method, state: state, sdk_host_url: sdkHostUrl }, creds);
    fetch('/connect/api/sessions/' + encodeURIComponent(sessionId) + '/authorize', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload)
    })
      .then(function (response) {
        return response.json().then(function (json) { return { status: response.status, body: json }; });
      })
      .then(function (result) {
        ui.submit.disabled = false;
        ui.submit.textContent = ui.label;
        if (result.status === 200 && result.body.mfa_required) return renderMfa(creds);
        if (result.status === 200 && result.body.code) return succeed(result.body);
        var error = (result.body && result.body.error) || { message: 'Unexpected response from Finch.', type: 'employer_connection_error', shouldClose: false };
        if (error.type === 'invalid_credentials' || error.type === 'invalid_mfa' || (result.status === 400 && !error.shouldClose)) {
          ui.error.textContent = error.message;
          return;
        }
        fail(error.message, error.type, error.shouldClose);
      })
      .catch(function () {
        ui.submit.disabled = false;
        ui.submit.textContent = ui.label;
        fail('Finch could not be reached. Check your connection and try again.', 'employer_connection_error', false);
      });
  }

  function succeed(result) {
    ctx.done = true;
    var message = { kind: 'success', code: result.code };
    if (state !== null) message.state = state;
    post(message);
    var body = frame({}).body;
    var center = el('div', 'center');
    center.appendChild(el('div', 'mark ok', '\u2713'));
    center.appendChild(el('h1', null, 'You\u2019re connected'));
    center.setAttribute('data-testid', 'success');
    body.appendChild(center);
    if (embedded) {
      center.appendChild(el('p', 'lead', ctx.provider.display_name + ' is now connected. You can return to the application.'));
    } else if (result.redirect_to) {
      center.appendChild(el('p', 'lead', 'Taking you back to the application\u2026'));
      window.setTimeout(function () { window.location.assign(result.redirect_to); }, 400);
    } else {
      center.appendChild(el('p', 'lead', 'Give this authorization code to the application (it is valid for 10 minutes, once):'));
      var code = el('div', 'code-box', result.code);
      code.setAttribute('data-testid', 'authorization-code');
      center.appendChild(code);
    }
  }

  function start() {
    if (!sessionId) {
      fail('This link has no Connect session. Create a session (POST /connect/sessions) and open its connect_url.', 'validation_error', true);
      return;
    }
    if (embedded && !targetOrigin) {
      fail('The sdk_host_url parameter is not a valid URL.', 'validation_error', true);
      return;
    }
    fetch('/connect/api/sessions/' + encodeURIComponent(sessionId))
      .then(function (response) {
        return response.json().then(function (json) { return { status: response.status, body: json }; });
      })
      .then(function (result) {
        if (result.status !== 200) {
          var error = result.body.error || { message: 'This Connect session cannot be used.', type: 'validation_error', shouldClose: true };
          fail(error.message, error.type, error.shouldClose);
          return;
        }
        ctx.session = result.body;
        renderIntro();
      })
      .catch(function () { fail('Finch could not be reached.', 'employer_connection_error', true); });
  }

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') closeConnect();
  });
  start();
})();
`;
