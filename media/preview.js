// Preview webview. Displays the PreviewState the extension posts (src/vscode/preview/protocol.ts)
// using DOM APIs and textContent only: profile values are data, never markup.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const app = document.getElementById('app');

  /** @param {string} tag @param {Record<string, string>} [attrs] @param {(Node|string|null)[]} [children] */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    for (const child of children || []) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function post(message) {
    vscode.postMessage(message);
  }

  function httpBlock(message, label) {
    const lines = [`${message.method} ${message.url}`];
    for (const [name, value] of message.headers) lines.push(`${name}: ${value}`);
    const text = message.body ? `${lines.join('\n')}\n\n${message.body}` : lines.join('\n');
    return el('pre', { class: 'http', 'aria-label': label, tabindex: '0' }, [text]);
  }

  function toolbar(state) {
    const s = state.strings;
    const profile = el('select', { id: 'profile', 'aria-label': s.profile }, []);
    // The user's profiles, then the built-in edge cases in their own group.
    const builtIn = el('optgroup', { label: s.builtInProfiles }, []);
    for (const p of state.profiles) {
      const option = el('option', { value: String(p.index) }, [p.label]);
      if (p.index === state.selectedProfile) option.setAttribute('selected', '');
      (p.builtIn ? builtIn : profile).append(option);
    }
    if (builtIn.childElementCount > 0) profile.append(builtIn);
    profile.addEventListener('change', () => post({ type: 'selectProfile', index: Number(profile.value) }));
    const scenario = el('select', { id: 'scenario', 'aria-label': s.scenario }, []);
    for (const sc of state.scenarios) {
      const option = el('option', { value: sc.name, title: sc.description }, [sc.name]);
      if (sc.name === state.scenario) option.setAttribute('selected', '');
      scenario.append(option);
    }
    scenario.addEventListener('change', () => post({ type: 'selectScenario', name: scenario.value }));
    const reveal = el('button', { id: 'reveal', 'aria-pressed': String(state.revealed) }, [state.revealed ? s.hideSecrets : s.revealSecrets]);
    reveal.addEventListener('click', () => post({ type: 'toggleReveal' }));
    const buttons = [
      ['copy-curl', s.copyCurl, { type: 'copy', format: 'curl' }],
      ['copy-http', s.copyHttp, { type: 'copy', format: 'http' }],
      ['copy-braze', s.copyBraze, { type: 'copy', format: 'braze' }],
      ['open-document', s.openDocument, { type: 'openDocument' }],
    ].map(([id, text, message]) => {
      const b = el('button', { id: String(id) }, [String(text)]);
      b.addEventListener('click', () => post(message));
      return b;
    });
    return el('div', { class: 'toolbar', role: 'toolbar' }, [
      el('label', { for: 'profile' }, [s.profile]),
      profile,
      el('label', { for: 'scenario' }, [s.scenario]),
      scenario,
      reveal,
      ...buttons,
    ]);
  }

  /** Each problem once: where it is, its rule (opens the rule's page), and the profiles it affects. */
  function findingsList(state, findings, id) {
    const s = state.strings;
    const list = el('ul', { class: 'problems', id }, []);
    for (const p of findings) {
      const item = el('li', { class: `problem ${p.severity}${p.selected ? ' selected' : ''}` }, []);
      const at = el('button', { class: 'link at', title: `${p.line}:${p.column}` }, [`${p.severity} · ${p.line}:${p.column}`]);
      at.addEventListener('click', () => post({ type: 'revealProblem', line: p.line, column: p.column }));
      const rule = el('button', { class: 'link rule' }, [p.ruleId]);
      rule.addEventListener('click', () => post({ type: 'openRule', ruleId: p.ruleId }));
      item.append(el('div', { class: 'head' }, [at, ' · ', rule]), el('div', { class: 'message' }, [p.message]));
      if (p.profiles.length > 0) {
        const chips = el('div', { class: 'profiles' }, [`${s.profilesOf} `]);
        const chip = (x) => {
          const b = el('button', { class: `chip${x.builtIn ? ' built-in' : ''}${x.index === state.selectedProfile ? ' current' : ''}` }, [x.label]);
          b.addEventListener('click', () => post({ type: 'selectProfile', index: x.index }));
          return b;
        };
        const mine = p.profiles.filter((x) => !x.builtIn);
        const builtIn = p.profiles.filter((x) => x.builtIn);
        for (const x of mine) chips.append(chip(x));
        // Many built-in profiles: one summary that opens to their chips, so a problem every
        // profile has does not bury the message under a wall of names.
        if (builtIn.length > 3 && mine.length > 0) {
          const more = el('details', { class: 'more' }, [el('summary', {}, [s.moreBuiltIn.replace('{0}', String(builtIn.length))]), ...builtIn.map(chip)]);
          chips.append(more);
        } else {
          for (const x of builtIn) chips.append(chip(x));
        }
        item.append(chips);
      }
      list.append(item);
    }
    return list;
  }

  function matrixTable(state, group) {
    const s = state.strings;
    const table = el('table', { class: 'matrix', 'data-group': group.id }, [
      el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, [s.profile]), el('th', { scope: 'col' }, [s.status]), el('th', { scope: 'col' }, [s.problemsColumn])])]),
    ]);
    const body = el('tbody', {}, []);
    for (const row of group.rows) {
      const select = el('button', { class: 'link' }, [row.label]);
      select.addEventListener('click', () => post({ type: 'selectProfile', index: row.index }));
      const status = el('td', { class: `cell ${row.tone}` }, [row.status]);
      if (row.detail) status.setAttribute('title', row.detail);
      body.append(el('tr', { class: `row ${row.tone}`, 'aria-selected': String(row.index === state.selectedProfile) }, [el('td', {}, [select]), status, el('td', { class: 'count' }, [row.count])]));
    }
    table.append(body);
    return table;
  }

  function matrixGroup(state, group) {
    const content = [];
    if (group.hint) content.push(el('p', { class: 'muted hint' }, [group.hint]));
    if (group.rows.length > 0) content.push(matrixTable(state, group));
    if (group.findings.length > 0) {
      content.push(el('h3', {}, [state.strings.onlyBuiltIn]), findingsList(state, group.findings, `findings-${group.id}`));
    }
    if (group.answerErrors) content.unshift(el('p', { class: 'answer-errors', id: `answer-errors-${group.id}` }, [group.answerErrors]));
    const details = el('details', { class: 'group', id: `group-${group.id}` }, [el('summary', {}, [group.title]), ...content]);
    if (group.open) details.setAttribute('open', '');
    return details;
  }

  /** Salesforce's predicted answer: status, body, source, what Braze does, and what cannot be predicted. */
  function answerSection(state) {
    const s = state.strings;
    const a = state.answer;
    const howTo = (text) => {
      const b = el('button', { class: 'link' }, [text]);
      b.addEventListener('click', () => post({ type: 'describeHowTo' }));
      return b;
    };
    const parts = [
      el('h2', {}, [`${s.answer} · ${a.sourceLabel}`]),
      el('h3', { class: `status ${a.tone}`, id: 'answer-status' }, [`← ${a.statusLine}`]),
    ];
    if (a.body) parts.push(el('pre', { class: 'response', tabindex: '0', 'aria-label': s.answer }, [a.body]));
    parts.push(el('p', { class: 'summary' }, [a.summary]));
    parts.push(el('p', { class: `braze ${a.braze}`, id: 'answer-braze' }, [el('strong', {}, [`${s.brazeDoes} ${a.brazeLabel}.`]), ` ${a.brazeNote}`]));
    if (a.conversions.length > 0) parts.push(el('ul', { class: 'conversions muted' }, a.conversions.map((c) => el('li', {}, [`${s.converted} ${c}`]))));
    for (const caveat of a.caveats) parts.push(el('p', { class: 'muted' }, [caveat]));
    if (a.modelNote) parts.push(el('p', { class: 'model-note', id: 'answer-model' }, [`${a.modelNote} `, howTo(s.addDescribe)]));
    parts.push(el('p', { class: 'muted limits', id: 'answer-limits', title: a.limitsDetail }, [`${a.limits} `, howTo(s.limitsLink)]));
    return el('section', { class: 'answer', 'data-tone': a.tone, id: 'answer', 'aria-label': s.answer }, parts);
  }

  function render(state) {
    const s = state.strings;
    const sections = [el('h1', {}, [state.templateName]), toolbar(state)];
    if (state.notice) sections.push(el('p', { class: 'notice', role: 'status' }, [state.notice]));
    for (const sub of state.subrequests) {
      const note = sub.response.dropped ? ` · ${s.dropped}` : '';
      const parts = [el('h2', {}, [`${s.subrequest} · ${sub.fieldId} · ${s.stubbed}`]), httpBlock(sub, s.subrequest), el('h3', {}, [`← ${sub.response.status}${sub.response.source ? ` · ${sub.response.source}` : ''}${note}`])];
      // A dropped or empty answer has no body to show: no empty box.
      if (sub.response.body) parts.push(el('pre', { class: 'response', tabindex: '0' }, [sub.response.body]));
      sections.push(el('section', { class: 'subrequest', 'aria-label': s.subrequest }, parts));
    }
    if (state.aborted !== null) {
      sections.push(el('section', { class: 'aborted', id: 'aborted' }, [el('h2', {}, [s.aborted]), el('p', {}, [state.aborted])]));
    } else if (state.request) {
      sections.push(el('section', { class: 'request', id: 'request' }, [el('h2', {}, [s.request]), httpBlock(state.request, s.request)]));
    }
    if (state.answer) sections.push(answerSection(state));
    else if (state.noAnswer) sections.push(el('p', { class: 'muted', id: 'no-answer' }, [state.noAnswer]));
    if (state.brazeObjectNote) sections.push(el('p', { class: 'muted' }, [state.brazeObjectNote]));
    const problems = [el('h2', {}, [state.problemsTitle])];
    problems.push(state.problems.length === 0 ? el('p', { class: 'ok', id: 'no-problems' }, [s.noProblems]) : findingsList(state, state.problems, 'problems'));
    if (state.selectedOnly.length > 0) problems.push(el('h3', {}, [s.onlySelected]), findingsList(state, state.selectedOnly, 'problems-selected'));
    sections.push(el('section', { id: 'problems-section' }, problems));
    if (state.groups.length > 0) sections.push(el('section', { id: 'matrix' }, [el('h2', {}, [s.matrix]), ...state.groups.map((g) => matrixGroup(state, g))]));
    app.replaceChildren(...sections);
    vscode.setState(state);
  }

  /** A failure while updating: said in the panel (the last good state stays below, dimmed). */
  function renderFailure(message) {
    const box = el('section', { class: 'failure', id: 'failure', role: 'alert' }, [el('h2', {}, [`${message.strings.failed}: ${message.templateName}`]), el('pre', {}, [message.message])]);
    for (const old of app.querySelectorAll('#failure')) old.remove();
    app.prepend(box);
    app.classList.add('stale');
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message) return;
    if (message.type === 'state') {
      app.classList.remove('stale');
      render(message.state);
    } else if (message.type === 'failure') {
      renderFailure(message);
    } else if (message.type === 'idle') {
      app.classList.remove('stale');
      app.replaceChildren(el('p', { class: 'muted', id: 'idle' }, [message.message]));
    }
  });
  const previous = vscode.getState();
  if (previous) render(previous);
  post({ type: 'ready' });
})();
