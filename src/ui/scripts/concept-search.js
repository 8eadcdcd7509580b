/*
 * Werkregie: suggestions while typing in the occupation and skill pickers (src/http/pages/concept-picker.tsx).
 * Progressive enhancement: without this script the picker works with its "Zoeken" button, which posts the
 * form and shows matches. With it, matches from GET /api/v1/beroepen or /vaardigheden appear below the
 * search field as check boxes (radio buttons for a single choice) while the person types; a live region
 * says how many. Everything stays native form controls, so the keyboard and screen readers work as usual.
 */
/* global document, window, fetch, AbortController */
(function () {
  'use strict';
  if (window.werkregieConceptSearch) return;
  window.werkregieConceptSearch = true;

  var delay = 250;
  var minLength = 2;
  var pageSize = 10;
  var counter = 0;

  function format(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function enhance(picker) {
    var name = picker.getAttribute('data-name');
    var single = picker.hasAttribute('data-single');
    var input = document.getElementById('veld-' + picker.getAttribute('data-search'));
    var results = document.getElementById(picker.getAttribute('data-results'));
    if (!input || !results) return;
    var status = results.querySelector('[data-concept-status]');
    var list = results.querySelector('[data-concept-matches]');
    var button = input.parentNode.querySelector('button[type="submit"]');
    var timer = null;
    var controller = null;

    function choices() {
      return Array.prototype.filter.call(picker.querySelectorAll('input'), function (element) {
        return element.name === name;
      });
    }

    function row(concept) {
      counter += 1;
      var id = 'veld-' + name + '-suggestie-' + counter;
      var wrapper = document.createElement('div');
      wrapper.className = 'utrecht-form-field utrecht-form-field--' + (single ? 'radio' : 'checkbox');
      var box = document.createElement('input');
      box.className = single ? 'utrecht-radio-button utrecht-radio-button--html-input' : 'utrecht-checkbox utrecht-checkbox--html-input';
      box.type = single ? 'radio' : 'checkbox';
      box.id = id;
      box.name = name;
      box.value = concept.uri;
      var label = document.createElement('label');
      label.className = 'utrecht-form-label utrecht-form-label--' + (single ? 'radio' : 'checkbox');
      label.htmlFor = id;
      label.textContent = concept.label;
      wrapper.appendChild(box);
      wrapper.appendChild(label);
      return wrapper;
    }

    /** Unticked suggestions make way for the new ones; a ticked one stays, so nothing chosen is lost. */
    function show(items, query) {
      Array.prototype.slice.call(list.children).forEach(function (child) {
        var box = child.querySelector('input');
        if (!box || !box.checked) list.removeChild(child);
      });
      var present = choices().map(function (element) {
        return element.value;
      });
      var fresh = items.filter(function (concept) {
        return present.indexOf(concept.uri) === -1;
      });
      fresh.forEach(function (concept) {
        list.appendChild(row(concept));
      });
      var count = fresh.length;
      var template = count === 0 ? 'data-text-none' : count === 1 ? 'data-text-one' : 'data-text-many';
      status.textContent = format(picker.getAttribute(template), { count: count, query: query });
    }

    function clear() {
      show([], '');
      status.textContent = '';
    }

    function search() {
      var query = input.value.trim();
      if (controller) controller.abort();
      if (query.length < minLength) {
        clear();
        return;
      }
      controller = new AbortController();
      var address = picker.getAttribute('data-source') + '?zoek=' + encodeURIComponent(query) + '&pageSize=' + pageSize;
      fetch(address, { headers: { accept: 'application/json' }, credentials: 'same-origin', signal: controller.signal })
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        })
        .then(function (body) {
          show(body.items || [], query);
        })
        .catch(function (error) {
          if (error && error.name === 'AbortError') return;
          status.textContent = picker.getAttribute('data-text-failed');
        });
    }

    input.addEventListener('input', function () {
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(search, delay);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && button) {
        // Enter searches this picker (the form's first button might belong to another one).
        event.preventDefault();
        button.click();
      } else if (event.key === 'ArrowDown') {
        var first = list.querySelector('input');
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-concept-picker]'), enhance);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
