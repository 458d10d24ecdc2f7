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
    for (const p of state.profiles) {
      const option = el('option', { value: String(p.index) }, [p.builtIn ? `${p.label} (${s.builtIn})` : p.label]);
      if (p.index === state.selectedProfile) option.setAttribute('selected', '');
      profile.append(option);
    }
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

  function problemsList(state) {
    if (state.problems.length === 0) return el('p', { class: 'ok', id: 'no-problems' }, [state.strings.noProblems]);
    const list = el('ul', { class: 'problems', id: 'problems' }, []);
    for (const p of state.problems) {
      const item = el('li', { class: `problem ${p.severity}` }, []);
      const link = el('button', { class: 'link', title: `${p.line}:${p.column}` }, [`${p.severity} · ${p.ruleId} · ${p.line}:${p.column}`]);
      link.addEventListener('click', () => post({ type: 'revealProblem', line: p.line, column: p.column }));
      item.append(link, el('span', {}, [` ${p.message}`]));
      list.append(item);
    }
    return list;
  }

  function matrixTable(state) {
    const s = state.strings;
    const table = el('table', { class: 'matrix', id: 'matrix' }, [
      el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, [s.profile]), el('th', { scope: 'col' }, [s.status]), el('th', { scope: 'col' }, [s.summary])])]),
    ]);
    const body = el('tbody', {}, []);
    for (const row of state.matrix) {
      const select = el('button', { class: 'link' }, [row.label]);
      select.addEventListener('click', () => post({ type: 'selectProfile', index: row.index }));
      const tr = el('tr', { class: `row ${row.status}`, 'aria-selected': String(row.index === state.selectedProfile) }, [
        el('td', {}, [select]),
        el('td', { class: `cell ${row.status}` }, [s[`status_${row.status}`] || row.status]),
        el('td', {}, [row.summary]),
      ]);
      body.append(tr);
    }
    table.append(body);
    return table;
  }

  function render(state) {
    const s = state.strings;
    const sections = [el('h1', {}, [state.templateName]), toolbar(state)];
    if (state.notice) sections.push(el('p', { class: 'notice', role: 'status' }, [state.notice]));
    for (const sub of state.subrequests) {
      const note = sub.response.dropped ? ` · ${s.dropped}` : '';
      sections.push(
        el('section', { class: 'subrequest', 'aria-label': s.subrequest }, [
          el('h2', {}, [`${s.subrequest} · ${sub.fieldId} · ${s.stubbed}`]),
          httpBlock(sub, s.subrequest),
          el('h3', {}, [`← ${sub.response.status}${sub.response.source ? ` · ${sub.response.source}` : ''}${note}`]),
          el('pre', { class: 'response', tabindex: '0' }, [sub.response.body]),
        ]),
      );
    }
    if (state.aborted !== null) {
      sections.push(el('section', { class: 'aborted', id: 'aborted' }, [el('h2', {}, [s.aborted]), el('p', {}, [state.aborted])]));
    } else if (state.request) {
      sections.push(el('section', { class: 'request', id: 'request' }, [el('h2', {}, [s.request]), httpBlock(state.request, s.request)]));
    }
    if (state.brazeObjectNote) sections.push(el('p', { class: 'muted' }, [state.brazeObjectNote]));
    sections.push(el('section', {}, [el('h2', {}, [s.problems]), problemsList(state)]));
    if (state.matrix.length > 0) sections.push(el('section', {}, [el('h2', {}, [s.matrix]), matrixTable(state)]));
    app.replaceChildren(...sections);
    vscode.setState(state);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'state') render(message.state);
  });
  const previous = vscode.getState();
  if (previous) render(previous);
  post({ type: 'ready' });
})();
