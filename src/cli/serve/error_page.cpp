#include "cli/serve/error_page.hpp"

#include "base/text.hpp"

namespace carnet::cli::serve {

std::string error_page_html(const base::Diagnostics& diags, const std::string& events_url) {
  const auto all = diags.sorted();
  size_t errors = diags.error_count();
  std::string html =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>Carnet: the site has errors</title><style>"
      "body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 "
      "1rem;color:#222}"
      "h1{color:#a00;font-size:1.4rem}li{margin:.5rem 0}code{font:14px/1.4 ui-monospace,monospace}"
      ".where{font-weight:bold}.warning .kind{color:#a60}.error .kind{color:#a00}"
      "</style></head><body>\n";
  html += "<h1>" + std::to_string(errors) + (errors == 1 ? " error" : " errors") +
          " in the site / erreur" + (errors == 1 ? "" : "s") + " dans le site</h1>\n";
  html +=
      "<p>Fix the file and save: this page reloads by itself. "
      "<br>Corrigez le fichier et enregistrez : cette page se recharge d'elle-même.</p>\n<ul>\n";
  for (const auto& d : all) {
    const bool is_error = d.severity == base::Severity::error;
    std::string where = d.pos.path;
    // Appended piece by piece: GCC 12 warns (-Wrestrict, wrongly) on ":" + std::string.
    if (d.pos.line > 0) where.append(":").append(std::to_string(d.pos.line));
    if (d.pos.line > 0 && d.pos.column > 0) where.append(":").append(std::to_string(d.pos.column));
    html += std::string("<li class=\"") + (is_error ? "error" : "warning") +
            "\"><code><span class=\"where\">" + base::html_escape(where) +
            "</span>: <span class=\"kind\">" + (is_error ? "error" : "warning") +
            "</span>: " + base::html_escape(d.message) + "</code></li>\n";
  }
  html += "</ul>\n<script>new EventSource(\"" + base::html_escape(events_url) +
          "\").onmessage=()=>location.reload()</script>\n</body></html>\n";
  return html;
}

}  // namespace carnet::cli::serve
