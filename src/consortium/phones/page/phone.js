// One seat's private hand on its own phone. Every text arrives as data and is put on the
// page with textContent (never as markup). The page asks the laptop for its seat's state
// with a long poll, and sends one act per turn with the turn's nonce.
"use strict";
(function () {
  const token = location.pathname.split("/")[2] || "";
  const base = "/s/" + encodeURIComponent(token);
  const $ = (id) => document.getElementById(id);
  let version = -1, page = null, words = {}, step = null, sending = false;

  function text(id, value) { const el = $(id); el.textContent = value || ""; el.hidden = !value; }

  function button(label, detail, onTap, secondary) {
    const b = document.createElement("button");
    b.type = "button";
    if (secondary) b.className = "secondary";
    b.textContent = label;
    if (detail) { const s = document.createElement("small"); s.textContent = detail; b.appendChild(s); }
    b.addEventListener("click", onTap);
    return b;
  }

  function gone(data) {
    const main = $("app");
    main.textContent = "";
    main.className = "refusal";
    const h = document.createElement("h1"); h.textContent = data.title; main.appendChild(h);
    const p = document.createElement("p"); p.textContent = data.text; main.appendChild(p);
    page = null;
  }

  function render() {
    if (!page) return;
    $("who").textContent = page.name + " · " + page.seat_title + " · " + page.sector;
    $("phase").textContent = page.phase;
    text("notice", page.notice);
    $("hours").textContent = page.hours;
    $("motivation").textContent = page.motivation;
    $("hand-title").textContent = words.your_hand;
    const hand = $("hand"); hand.textContent = "";
    page.hand.forEach((card) => {
      const li = document.createElement("li");
      li.className = "card" + (card.shown ? " shown" : "");
      li.textContent = card.text;
      const s = document.createElement("small");
      s.textContent = card.family + " · " + (card.shown ? words.shown : words.not_shown);
      li.appendChild(s); hand.appendChild(li);
    });
    const mine = page.your_turn && !sending;
    $("turn").hidden = !mine;
    const idle = page.chosen_ahead ? words.chosen_ahead : words.waiting;
    text("waiting", page.over ? words.over : (sending ? words.sent : (mine ? "" : idle)));
    if (!mine) return;
    $("choice-title").textContent = words.your_choice;
    text("ahead", page.ahead ? words.choose_ahead : "");
    const box = $("choices"); box.textContent = "";
    const back = $("back"); back.textContent = words.back; back.hidden = step === null;
    if (step) window.scrollTo(0, 0);  // the next step starts at the top, under the name
    if (step && step.confirm) {
      text("ask", step.confirm.confirm);
      box.appendChild(button(words.confirm, "", () => send(step.confirm.id)));
      return;
    }
    if (step && step.group !== undefined) {
      text("ask", words.which_card);
      page.choices.filter((c) => c.group === step.group).forEach((c) =>
        box.appendChild(button(c.text, c.description, () => send(c.id))));
      return;
    }
    text("ask", "");
    const seen = new Set();
    page.choices.forEach((c) => {
      if (seen.has(c.group)) return;
      seen.add(c.group);
      const group = page.choices.filter((d) => d.group === c.group);
      box.appendChild(button(c.intent, c.intent_description, () => {
        if (group.length > 1) { step = { group: c.group }; render(); }
        else if (c.confirm) { step = { confirm: c }; render(); }
        else send(c.id);
      }));
    });
  }

  async function send(choice) {
    if (!page || sending) return;
    sending = true; render();
    try {
      const r = await fetch(base + "/act", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ nonce: page.nonce, choice: choice }) });
      if (r.status === 404 || r.status === 410) { gone(await r.json()); return; }
      if (!r.ok) { sending = false; step = null; render(); return; }  // refused: choose again
    } catch (e) { sending = false; render(); return; }
    step = null;
  }

  async function poll() {
    for (;;) {
      try {
        const r = await fetch(base + "/state?after=" + version, { cache: "no-store" });
        if (r.status === 404 || r.status === 410) { gone(await r.json()); return; }
        if (!r.ok) throw new Error(String(r.status));
        const data = await r.json();
        words = data.words;
        if (data.version !== version) {
          const moved = !page || !data.page || page.nonce !== data.page.nonce;
          version = data.version; page = data.page;
          if (moved) { step = null; sending = false; }
          render();
        }
      } catch (e) {
        text("waiting", words.lost || "…");
        await new Promise((done) => setTimeout(done, 1000));
      }
    }
  }
  poll();
})();
