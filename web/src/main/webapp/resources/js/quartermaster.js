/*
 * The few moves the back office's side panels share. A panel (p:sidebar) opens beside the list it
 * belongs to, so the list keeps its search, sort and page; the first field gets the focus; a save
 * that went through closes the panel, a refused one leaves it open with the messages next to the fields.
 */
function qmFocusFirst(formId) {
  var form = document.getElementById(formId);
  if (!form) {
    return;
  }
  var field = form.querySelector('input:not([type=hidden]):not([readonly]):not([disabled]), select, textarea');
  if (field) {
    field.focus();
  }
}

function qmCloseWhenSaved(args, widgetVar) {
  if (args && !args.validationFailed) {
    PF(widgetVar).hide();
  }
}

/*
 * p:chart extender for the time series of Charts.steppedTimeLines: the x axis holds epoch
 * milliseconds (points spaced by when they happened); its labels and tooltips show day and time in
 * the back office's time zone (QM_TIME_ZONE), which the server puts into the options.
 */
function qmTimeAxis() {
  var options = this.cfg.config.options;
  var format;
  try {
    format = new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
      timeZone: options.qmTimeZone});
  } catch (e) {
    format = new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit'});
  }
  options.scales.x.ticks.callback = function (value) {
    return format.format(new Date(value));
  };
  options.plugins.tooltip = {callbacks: {title: function (items) {
    return items.length ? format.format(new Date(items[0].parsed.x)) : '';
  }}};
}

/*
 * A GET form of PrimeFaces inputs (the ledger reports' filters, bookmarkable): each input is sent
 * under its plain name (asOf, not asOf_input), the names the report's URL uses.
 */
function qmPlainNames(form) {
  form.querySelectorAll('input[name$="_input"]').forEach(function (input) {
    input.name = input.name.substring(0, input.name.length - '_input'.length);
  });
}
