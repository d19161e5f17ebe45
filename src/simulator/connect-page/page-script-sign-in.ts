/**
 * The sign-in screens of the simulated Connect page's script (credential, API token, OAuth
 * consent, assisted instructions, MFA). A fragment, not a module: page-script.ts splices it into
 * its closure, where `el`, `button`, `frame`, `ctx`, `card`, `authorize` and `fail` live.
 * Plain ES2017 without template literals, like the rest of the script.
 */
export const SIGN_IN_SCREENS = String.raw`// The error line under a form and its submit button in the footer (the button sits outside the form).
  function formEnd(form, formId, label, ui) {
    var error = el('p', 'error-text');
    error.setAttribute('role', 'alert');
    error.setAttribute('data-testid', 'form-error');
    form.appendChild(error);
    form.id = formId;
    var submit = el('button', 'primary', label);
    submit.type = 'submit';
    submit.setAttribute('form', formId);
    submit.setAttribute('data-testid', 'submit');
    ui.footer.appendChild(submit);
    return { error: error, submit: submit };
  }

  function field(form, labelText, id, type, autocomplete) {
    var label = el('label', null, labelText);
    label.setAttribute('for', id);
    var input = el('input', 'field');
    input.id = id;
    input.name = id;
    input.type = type;
    if (autocomplete) input.autocomplete = autocomplete;
    form.appendChild(label);
    form.appendChild(input);
    return input;
  }

  function renderSignIn(provider, method) {
    ctx.provider = provider;
    ctx.method = method || (provider.auth_methods.indexOf('credential') >= 0 ? 'credential' : provider.auth_methods[0]);
    var fixed = ctx.session.preselected_provider && ctx.session.providers.length === 1;
    var ui = frame({ step: 2, back: fixed ? renderIntro : renderProviders });
    var body = ui.body;
    var head = el('div', 'provider-head');
    var logo = el('img');
    logo.src = provider.logo;
    logo.alt = '';
    head.appendChild(logo);
    head.appendChild(el('h1', null, ctx.method === 'assisted' ? 'Give Finch access to ' + provider.display_name : 'Sign in to ' + provider.display_name));
    body.appendChild(head);
    if (provider.auth_methods.length > 1) {
      var tabs = el('div', 'tabs');
      tabs.setAttribute('role', 'tablist');
      provider.auth_methods.forEach(function (m) {
        var tab = button(METHOD_LABELS[m] || m, m === ctx.method ? 'tab active' : 'tab', function () { renderSignIn(provider, m); }, 'method-' + m);
        tab.setAttribute('role', 'tab');
        tabs.appendChild(tab);
      });
      body.appendChild(tabs);
    }
    var form = el('form');
    form.noValidate = true;
    body.appendChild(form);
    var inputs = {};
    var submitLabel = 'Connect';
    if (ctx.method === 'credential') {
      inputs.username = field(form, provider.credential_label, 'username', 'text', 'username');
      inputs.password = field(form, 'Password', 'password', 'password', 'current-password');
    } else if (ctx.method === 'api_token') {
      inputs.api_token = field(form, 'API token', 'api-token', 'password', 'off');
    } else if (ctx.method === 'oauth') {
      form.appendChild(el('p', 'lead', 'You will be asked to sign in to ' + provider.display_name + ' and approve access for Finch.'));
      submitLabel = 'Continue to ' + provider.display_name;
    } else {
      var steps = el('ol', 'steps');
      steps.appendChild(el('li', null, 'Sign in to ' + provider.display_name + ' as an administrator.'));
      steps.appendChild(el('li', null, 'Add Finch (assisted@finch-simulator.test) as a user with payroll admin access.'));
      steps.appendChild(el('li', null, 'Come back here and confirm. Data arrives once Finch finishes the setup.'));
      form.appendChild(steps);
      submitLabel = 'I\u2019ve added Finch';
    }
    var parts = formEnd(form, 'sign-in-form', submitLabel, ui);
    var error = parts.error;
    var submit = parts.submit;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (ctx.method === 'oauth') return renderOauthConsent(provider);
      var creds = {};
      Object.keys(inputs).forEach(function (k) { creds[k] = inputs[k].value; });
      authorize(creds, { error: error, submit: submit, label: submitLabel });
    });
    var first = inputs.username || inputs.api_token;
    if (first) first.focus();
    if (ctx.method !== 'credential' && ctx.method !== 'api_token') return;
    var hint = el('div', 'hint');
    hint.appendChild(document.createTextNode('Simulator test credentials: anything works. Password '));
    hint.appendChild(el('code', null, 'wrong-password'));
    hint.appendChild(document.createTextNode(' or token '));
    hint.appendChild(el('code', null, 'wrong-token'));
    hint.appendChild(document.createTextNode(' is rejected; username '));
    hint.appendChild(el('code', null, 'provider-error'));
    hint.appendChild(document.createTextNode(' makes the provider fail.'));
    body.appendChild(hint);
  }

  function renderOauthConsent(provider) {
    var ui = frame({ step: 2, back: function () { renderSignIn(provider, 'oauth'); } });
    var body = ui.body;
    var box = el('div', 'consent');
    var bar = el('div', 'consent-bar');
    bar.style.background = provider.primary_color;
    box.appendChild(bar);
    var logo = el('img');
    logo.src = provider.logo;
    logo.alt = '';
    box.appendChild(logo);
    box.appendChild(el('h1', null, provider.display_name + ' \u00b7 Authorize Finch'));
    box.appendChild(el('p', 'lead', 'Finch is requesting access to your ' + provider.display_name + ' account to:'));
    var scopes = el('ul', 'scopes');
    ctx.session.products.forEach(function (p) { scopes.appendChild(el('li', null, 'Read ' + p.label.toLowerCase())); });
    box.appendChild(scopes);
    body.appendChild(box);
    var error = el('p', 'error-text');
    error.setAttribute('role', 'alert');
    body.appendChild(error);
    var allow = button('Allow access', 'primary', function () { authorize({}, { error: error, submit: allow, label: 'Allow access' }); }, 'oauth-allow');
    ui.footer.appendChild(allow);
    ui.footer.appendChild(button('Deny', 'secondary', function () {
      fail(provider.display_name + ' access was denied, so Finch could not connect.', 'employer_connection_error', false);
    }, 'oauth-deny'));
  }

  function renderMfa(previous) {
    var ui = frame({ step: 2, back: function () { renderSignIn(ctx.provider, ctx.method); } });
    var body = ui.body;
    body.appendChild(el('h1', null, 'Enter your verification code'));
    body.appendChild(el('p', 'lead', ctx.provider.display_name + ' sent a 6-digit code to the phone on file.'));
    var form = el('form');
    form.noValidate = true;
    var input = field(form, 'Verification code', 'mfa-code', 'text', 'one-time-code');
    input.inputMode = 'numeric';
    var parts = formEnd(form, 'mfa-form', 'Verify', ui);
    var error = parts.error;
    var submit = parts.submit;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var creds = Object.assign({}, previous, { mfa_code: input.value });
      authorize(creds, { error: error, submit: submit, label: 'Verify' });
    });
    body.appendChild(form);
    var hint = el('div', 'hint');
    hint.appendChild(document.createTextNode('Simulator: any code works except '));
    hint.appendChild(el('code', null, '000000'));
    hint.appendChild(document.createTextNode('.'));
    body.appendChild(hint);
    input.focus();
  }
`;
