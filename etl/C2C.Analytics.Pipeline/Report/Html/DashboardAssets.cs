using System.Security.Cryptography;
using System.Text;

namespace C2C.Analytics.Pipeline.Report.Html;

/// <summary>
/// The dashboard's style and its one script, inline: the page needs no network. The script only sorts, filters and
/// pages the action queue; the charts are SVG and need none. The page's Content-Security-Policy allows this script
/// (by its hash) and nothing else, so even an unencoded value could not run.
/// </summary>
public static class DashboardAssets
{
    public const string Style = """
        :root{--ink:#111827;--muted:#6b7280;--line:#e5e7eb;--bg:#f9fafb;--card:#fff;--accent:#2563eb;--bad:#dc2626;--good:#16a34a}
        *{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        header,main,footer{max-width:1280px;margin:0 auto;padding:12px 16px}h1{font-size:22px;margin:8px 0 2px}h2{font-size:16px;margin:0 0 8px}
        .meta,.note,.muted{color:var(--muted)}.exceptions{background:#fff7ed;border:1px solid #fed7aa;border-radius:8px;padding:8px 12px;margin-top:8px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px}
        .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
        .card-label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}.card-value{font-size:28px;font-weight:650;margin:2px 0}
        .card-note{color:var(--muted);font-size:12px}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:14px;margin-top:14px}
        section.panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px;min-width:0}
        .chart-svg{display:block;max-width:100%;height:auto}.chart-svg .label{font-size:12px;fill:var(--ink)}.chart-svg .value,.chart-svg .axis{font-size:11px;fill:var(--muted)}
        .chart-svg .legend{font-size:11px;fill:var(--ink)}.chart-svg .grid{stroke:var(--line)}.chart-svg .axis-line{stroke:#9ca3af}
        details.numbers{margin-top:6px}details.numbers summary{cursor:pointer;color:var(--accent)}
        table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
        td.num,th.num{text-align:right;white-space:nowrap}.wide{grid-column:1/-1}.table-wrap{overflow-x:auto}
        .controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-bottom:8px}.controls input,.controls select,.controls button{font:inherit;padding:4px 8px}
        #queue th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
        #queue th[aria-sort=ascending] button::after{content:" ▲"}#queue th[aria-sort=descending] button::after{content:" ▼"}
        .tag{display:inline-block;border-radius:999px;padding:1px 8px;font-size:12px;background:#eef2ff}.tag-stuck,.tag-overdue{background:#fee2e2}
        .tag-due_soon,.tag-gate_violation{background:#fef3c7}.notes{min-width:200px;max-width:320px;white-space:pre-wrap;overflow-wrap:anywhere}
        tr.filtered-out,tr.off-page{display:none}.empty{padding:24px;text-align:center;color:var(--muted)}
        @media (max-width:520px){.grid{grid-template-columns:1fr}.card-value{font-size:24px}}
        @media print{body{background:#fff}.controls,.pager{display:none}details.numbers{display:none}tr.off-page{display:table-row}
        section.panel,.card{break-inside:avoid;border-color:#ccc}.grid{display:block}section.panel{margin-bottom:12px}}
        """;

    public const string Script = """
        (function () {
          var table = document.getElementById('queue');
          if (!table) { return; }
          var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows), shown = rows, page = 0, size = 25;
          var filter = document.getElementById('queue-filter'), action = document.getElementById('queue-action');
          var info = document.getElementById('queue-page-info');
          function key(row, index, type) {
            var cell = row.cells[index], value = cell.getAttribute('data-sort');
            if (value === null) { value = cell.textContent; }
            if (type === 'num') { var n = parseFloat(value); return isNaN(n) ? -Infinity : n; }
            return value.toLowerCase();
          }
          function apply() {
            var text = filter.value.toLowerCase(), wanted = action.value;
            shown = rows.filter(function (row) {
              return (wanted === '' || row.getAttribute('data-action') === wanted) && (text === '' || row.textContent.toLowerCase().indexOf(text) >= 0);
            });
            var pages = Math.max(1, Math.ceil(shown.length / size));
            if (page >= pages) { page = pages - 1; }
            rows.forEach(function (row) { row.classList.add('filtered-out'); });
            shown.forEach(function (row, i) {
              row.classList.remove('filtered-out');
              row.classList.toggle('off-page', i < page * size || i >= (page + 1) * size);
            });
            info.textContent = 'Page ' + (page + 1) + ' of ' + pages + ' (' + shown.length + ' rows)';
          }
          Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
            var button = th.querySelector('button');
            if (!button) { return; }
            button.addEventListener('click', function () {
              var descending = th.getAttribute('aria-sort') === 'ascending', type = th.getAttribute('data-type');
              Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute('aria-sort'); });
              th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
              rows.sort(function (a, b) {
                var x = key(a, index, type), y = key(b, index, type);
                return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
              });
              rows.forEach(function (row) { body.appendChild(row); });
              page = 0;
              apply();
            });
          });
          filter.addEventListener('input', function () { page = 0; apply(); });
          action.addEventListener('change', function () { page = 0; apply(); });
          document.getElementById('queue-prev').addEventListener('click', function () { if (page > 0) { page--; apply(); } });
          document.getElementById('queue-next').addEventListener('click', function () { page++; apply(); });
          apply();
        })();
        """;

    /// <summary>The policy: nothing from the network, inline style, and only this script.</summary>
    public static string ContentSecurityPolicy =>
        $"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script)))}'";
}
