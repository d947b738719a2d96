#include "markdown/html_sanitizer.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <vector>

#include "base/text.hpp"
#include "markdown/markdown.hpp"

using namespace carnet::markdown;

namespace {

// The classes of the OWASP XSS filter evasion cheat sheet, and the vectors
// the adversarial round of issue 13 found getting through.
const std::vector<std::string> xss_vectors = {
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>",
    "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
    "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
    "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
    "<scr<script>ipt>alert(1)</script>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=javascript:alert(1)>x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"jav&#x61;script:alert(1)\">x</a>",
    "<a href=\"java&#9;script:alert(1)\">x</a>",
    "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
    "<a href=\"jav&#x0D;ascript:alert(1)\">x</a>",
    "<a href=\"jav\tascript:alert(1)\">x</a>",
    "<a href=\" &#14;  javascript:alert(1)\">x</a>",
    "<a href=\"\x01javascript:alert(1)\">x</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
    "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112"
    "&#0000116&#0000058alert(1)\">x</a>",
    "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "<a href=\"java&Tab;script:alert(1)\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"#\" onclick=\"alert(1)\">x</a>",
    "<a xlink:href=\"javascript:alert(1)\">x</a>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
    "<img srcset=\"javascript:alert(1) 1x\">",
    "<img srcset=\"ok.png 1x, javascript:alert(1) 2x\">",
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<details open ontoggle=alert(1)>",
    "<form><button formaction=\"javascript:alert(1)\">x</button></form>",
    "<form action=\"javascript:alert(1)\"><input type=submit></form>",
    "<input type=\"image\" src=\"javascript:alert(1)\">",
    "<input onfocus=alert(1) autofocus>",
    "<input type=checkbox onclick=alert(1)>",
    "<isindex action=\"javascript:alert(1)\" type=image>",
    "<base href=\"javascript:alert(1)//\">",
    "<base href=\"http://evil.example/\">",
    "<object data=\"javascript:alert(1)\"></object>",
    "<object type=\"text/x-scriptlet\" data=\"http://xss.rocks/scriptlet.html\"></object>",
    "<embed src=\"data:image/svg+xml;base64,PHN2Zy8+\">",
    "<EMBED SRC=\"http://ha.ckers.org/xss.swf\" AllowScriptAccess=\"always\"></EMBED>",
    "<math href=\"javascript:alert(1)\">x</math>",
    "<math><maction actiontype=\"statusline\" "
    "xlink:href=\"javascript:alert(1)\">x</maction></math>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe src=http://xss.rocks/scriptlet.html <",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
    "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
    "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">x</DIV>",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">x</DIV>",
    "<div style=\"background:url(&#1;javascript:alert(1))\">x</div>",
    "<div style=\"width: exp/**/ression(alert(1))\">x</div>",
    "<DIV STYLE=\"background-image:\\0075\\0072\\006C\\0028'\\006a\\0061\\0076\\0061\\0073\\0063"
    "\\0072\\0069\\0070\\0074\\003a\\0061\\006c\\0065\\0072\\0074\\0028\\0029'\\0029\">x</DIV>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><TD BACKGROUND=\"javascript:alert(1)\">x</TD>"
    "</TABLE>",
    "<video><source onerror=\"alert(1)\"></video>",
    "<video poster=javascript:alert(1)></video>",
    "<blockquote cite=\"javascript:alert(1)\">x</blockquote>",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<template><script>alert(1)</script></template>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<x onclick=alert(1)>click</x>",
    "<keygen autofocus onfocus=alert(1)>",
    "<textarea><script>alert(1)</script></textarea>",
    "<a href=\"https://ok.example/\" target=_blank onmouseover=alert(1)>x</a>",
};

// The output as a browser would read its tags, without libxml2: the
// sanitizer writes every '<' of text as &lt; and every attribute quoted
// with '"' escaped, so a tag is what runs from '<' to '>'.
struct Tag {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // values unescaped
};

std::string unescape(std::string s) {
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"&quot;", "\""},
                          {"&lt;", "<"},
                          {"&gt;", ">"}}) {
    for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, from.size(), to);
  }
  // &amp; last, so that "&amp;lt;" stays "&lt;"; no other reference is written.
  for (size_t at = 0; (at = s.find("&amp;", at)) != std::string::npos; ++at) s.replace(at, 5, "&");
  return s;
}

std::vector<Tag> tags_of(const std::string& html) {
  std::vector<Tag> tags;
  for (size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    size_t end = html.find('>', at);
    REQUIRE(end != std::string::npos);
    std::string inside = html.substr(at + 1, end - at - 1);
    Tag tag;
    size_t k = 0;
    while (k < inside.size() && inside[k] != ' ' && inside[k] != '/') tag.name += inside[k++];
    if (tag.name.empty() && !inside.empty() && inside[0] == '/') continue;  // an end tag
    while (k < inside.size()) {
      if (inside[k] == ' ' || inside[k] == '/') {
        ++k;
        continue;
      }
      size_t name_end = inside.find_first_of(" =/", k);
      if (name_end == std::string::npos) name_end = inside.size();
      std::string name = inside.substr(k, name_end - k);
      k = name_end;
      if (k < inside.size() && inside[k] == '=') {  // name="value"
        REQUIRE(inside.compare(k, 2, "=\"") == 0);
        size_t close = inside.find('"', k + 2);
        REQUIRE(close != std::string::npos);
        tag.attributes.emplace_back(name, unescape(inside.substr(k + 2, close - k - 2)));
        k = close + 1;
      } else {
        tag.attributes.emplace_back(name, "");
      }
    }
    tags.push_back(std::move(tag));
  }
  return tags;
}

// What a browser does with an address, written here apart from safe_url.
bool harmless_url(std::string url) {
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.erase(0, 1);
  std::string compact;
  for (char c : url)
    if (c != '\t' && c != '\n' && c != '\r') compact += c;
  compact = carnet::base::to_lower_ascii(compact);
  auto colon = compact.find(':');
  if (colon == std::string::npos || compact.find_first_of("/?#") < colon) return true;
  std::string scheme = compact.substr(0, colon);
  return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

void check_inert(const std::string& html) {
  static const std::set<std::string> never = {
      "script", "object", "embed", "base",    "svg",    "math",     "form",
      "button", "style",  "meta",  "link",    "frame",  "applet",   "template",
      "body",   "html",   "head",  "isindex", "keygen", "textarea", "noscript"};
  static const std::set<std::string> url_attributes = {"href",   "src",  "cite",      "poster",
                                                       "action", "data", "background"};
  for (const Tag& tag : tags_of(html)) {
    INFO(tag.name);
    CHECK(never.count(carnet::base::to_lower_ascii(tag.name)) == 0);
    for (const auto& [name, value] : tag.attributes) {
      INFO(name << "=" << value);
      CHECK(name.rfind("on", 0) != 0);
      CHECK(name.find(':') == std::string::npos);
      CHECK(name != "formaction");
      CHECK(name != "srcdoc");
      if (url_attributes.count(name)) CHECK(harmless_url(value));
      if (name == "srcset")
        CHECK(carnet::base::to_lower_ascii(value).find("script") == std::string::npos);
      if (name == "style") {
        auto lower = carnet::base::to_lower_ascii(value);
        CHECK(lower.find("expression") == std::string::npos);
        CHECK(lower.find("url(") == std::string::npos);
        CHECK(lower.find('\\') == std::string::npos);
      }
      if (tag.name == "iframe" && name == "src") CHECK(value.rfind("https://", 0) == 0);
      if (tag.name == "input" && name == "type") CHECK(value == "checkbox");
    }
  }
}

}  // namespace

TEST_CASE("sanitizer: known XSS vectors come out inert", "[markdown][sanitizer]") {
  for (const std::string& vector : xss_vectors) {
    std::string out = sanitize_html(vector);
    INFO(vector << "\n=> " << out);
    check_inert(out);
  }
}

TEST_CASE("sanitizer: known XSS vectors in a page with unsafe_html come out inert",
          "[markdown][sanitizer]") {
  Options unsafe;
  unsafe.unsafe_html = true;
  for (const std::string& vector : xss_vectors) {
    for (const std::string& md : {vector + "\n", "Du texte " + vector + " et du texte.\n"}) {
      std::string out = to_html(md, unsafe).html;
      INFO(md << "=> " << out);
      check_inert(out);
    }
  }
}

TEST_CASE("sanitizer: a few vectors, exactly", "[markdown][sanitizer]") {
  CHECK(sanitize_html("<a href=\"jav&#x61;script:alert(1)\">x</a>") == "<a>x</a>");
  CHECK(sanitize_html("<a href=\"java&#9;script:alert(1)\">x</a>") == "<a>x</a>");
  CHECK(sanitize_html("<img src=x onerror=alert(1)>") == "<img src=\"x\" />");
  CHECK(sanitize_html("<details open ontoggle=alert(1)><summary>s</summary></details>") ==
        "<details open><summary>s</summary></details>");
  CHECK(sanitize_html("<form><button formaction=\"javascript:alert(1)\">x</button></form>") == "x");
  CHECK(sanitize_html("a<script>alert(1)</script>b<style>p{}</style>c") == "abc");
  CHECK(sanitize_html("<object data=\"javascript:alert(1)\">fallback</object>d") == "d");
  CHECK(sanitize_html("<p title=\"a&lt;b&quot;c\">1 &lt; 2 &amp; &eacute;</p>") ==
        "<p title=\"a&lt;b&quot;c\">1 &lt; 2 &amp; é</p>");
  // A reference libxml2 does not know stays text, which the browser will not decode.
  CHECK(sanitize_html("<a href=\"javascript&colon;alert(1)\">x</a>") ==
        "<a href=\"javascript&amp;colon;alert(1)\">x</a>");
  CHECK(sanitize_html("<!-- note --><p>p</p>") == "<p>p</p>");
  CHECK(sanitize_html("<font color=red>rouge</font>") == "rouge");
  CHECK(sanitize_html("<p style=\"color: red; text-align: center\">x</p>") ==
        "<p style=\"color: red; text-align: center\">x</p>");
  CHECK(sanitize_html("<p style=\"background: url(x.png)\">x</p>") == "<p>x</p>");
}

TEST_CASE("sanitizer: addresses", "[markdown][sanitizer]") {
  for (const char* ok :
       {"", "#haut", "../rapports/", "/img/a.png", "a.html?x=1:2", "//cdn.example/x",
        "https://example.org/", "HTTP://example.org", "mailto:a@example.org", "tel:+15145550000"}) {
    INFO(ok);
    CHECK(safe_url(ok));
  }
  CHECK(safe_url(" \x01https://example.org/\t") == "https://example.org/");
  CHECK(safe_url("ht\ntp://example.org/") == "http://example.org/");
  for (const char* bad : {"javascript:alert(1)", " javascript:x", "java\tscript:x",
                          "\x0ejavascript:x", "JAVASCRIPT:x", "vbscript:x", "data:text/html,x",
                          "data:image/png;base64,x", "file:///etc/passwd", "page:1/x",
                          "java script:x", "javascript\\:x", "ftp://example.org/"}) {
    INFO(bad);
    CHECK_FALSE(safe_url(bad));
  }
}

TEST_CASE("sanitizer: ordinary HTML passes unchanged", "[markdown][sanitizer]") {
  for (const char* html : {
           "<table>\n<thead>\n<tr>\n<th align=\"right\">A</th>\n<th>B</th>\n</tr>\n</thead>\n"
           "<tbody>\n<tr>\n<td align=\"right\">1</td>\n<td colspan=\"2\">2</td>\n</tr>\n</tbody>\n"
           "</table>\n",
           "<details open=\"\"><summary>Plus</summary>\n<p>Texte <kbd>Ctrl</kbd>+<kbd>C</kbd></p>\n"
           "</details>\n",
           "<p><abbr title=\"Centre local de services communautaires\">CLSC</abbr></p>\n",
           "<p><img src=\"img/plan.png\" alt=\"Le plan\" width=\"300\" /></p>\n",
           "<figure><img src=\"/img/a.jpg\" alt=\"\" "
           "/>\n<figcaption>Légende</figcaption></figure>\n",
           "<p><a href=\"https://example.org/a?b=1&amp;c=2#x\">lien</a> <a "
           "href=\"mailto:info@example.org\">courriel</a> <a href=\"tel:+15145550000\">tél</a> <a "
           "href=\"../rapports/\">rel</a> <a href=\"#haut\">haut</a></p>\n",
           "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> fait</li>\n</ul>\n",
           "<pre><code class=\"language-yaml\">a: 1\n  b: &lt;2&gt;\n</code></pre>\n",
           "<p>Texte seul, puis <br />\nune ligne, <sup>2</sup> <sub>x</sub> <del>non</del> "
           "<mark>oui</mark> <q cite=\"https://example.org/\">cité</q>.</p>\n",
           "Du texte sans élément, &amp; un <em>mot</em>.",
           "<div class=\"note\" id=\"n1\" lang=\"en\" data-x=\"1\" "
           "aria-label=\"Note\">\n<p>x</p>\n</div>\n",
           "<video src=\"v.mp4\" controls=\"\" poster=\"p.jpg\"></video>\n",
       }) {
    CHECK(sanitize_html(html) == html);
  }
  // An embed from another site, sandboxed.
  CHECK(
      sanitize_html("<iframe src=\"https://www.openstreetmap.org/export/embed.html\" width=\"425\" "
                    "title=\"Carte\"></iframe>") ==
      "<iframe src=\"https://www.openstreetmap.org/export/embed.html\" width=\"425\" "
      "title=\"Carte\" sandbox=\"allow-scripts allow-same-origin allow-popups\"></iframe>");
}

TEST_CASE("sanitizer: Markdown's own HTML is unchanged by it", "[markdown][sanitizer]") {
  const char* md =
      "# Titre\n\n| a | b |\n|---|--:|\n| 1 | *2* |\n\n~~non~~ www.example.org "
      "<https://example.org/x?a=1&b=2>\n\n- [x] fait\n- [ ] à faire\n\nNote[^1] et "
      "![logo](/img/l.png \"Logo\") [lien](../a/ \"titre\") [mail](mailto:a@example.org).\n\n"
      "```yaml\na: <b>\n```\n\n> Citation  \n> sur deux lignes\n\n1. un\n2. deux\n\n---\n\n"
      "[^1]: Ici.\n";
  Options safe;
  Options unsafe;
  unsafe.unsafe_html = true;
  CHECK(to_html(md, unsafe).html == to_html(md, safe).html);
}

TEST_CASE("sanitizer: raw HTML in Markdown with unsafe_html", "[markdown][sanitizer]") {
  Options unsafe;
  unsafe.unsafe_html = true;
  auto html = to_html(
                  "Un <b>mot</b> <a href=\"jav&#x61;script:alert(1)\">x</a> <img src=x "
                  "onerror=alert(1)>.\n\n<details ontoggle=alert(1) open>\n<summary>S</summary>\n\n"
                  "Texte *Markdown*.\n\n</details>\n\n<script>alert(2)</script>\n\n"
                  "<iframe src=\"https://www.openstreetmap.org/export/embed.html\"></iframe>\n",
                  unsafe)
                  .html;
  check_inert(html);
  CHECK(html.find("<b>mot</b>") != std::string::npos);
  CHECK(html.find("<em>Markdown</em>") != std::string::npos);
  CHECK(html.find("<details open>") != std::string::npos);
  INFO(html);
  CHECK(html.find("alert") == std::string::npos);
  CHECK(html.find("<iframe src=\"https://www.openstreetmap.org/export/embed.html\" sandbox=") !=
        std::string::npos);
}

TEST_CASE("sanitizer: deep nesting and large input", "[markdown][sanitizer]") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<span>";
  deep += "x";
  std::string out = sanitize_html(deep);
  CHECK(out.find('x') != std::string::npos);
  std::string big(3'000'000, 'a');
  CHECK(sanitize_html("<p>" + big + "</p>").size() == big.size() + 7);
}
