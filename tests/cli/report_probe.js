// Injected at the end of a copy of `crmkit demo`'s report by report_in_browser.py: measures
// what Chromium rendered and writes it as JSON into a pre element (id crmkit-probe) that
// `chromium --dump-dom` then prints. Coordinates are CSS pixels of the page.
(function () {
  // The four corners of an element's own box mapped to the page (rotation included).
  function corners(el) {
    var b = el.getBBox(), m = el.getScreenCTM(), svg = el.ownerSVGElement, out = [];
    [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
      .forEach(function (c) {
        var p = svg.createSVGPoint();
        p.x = c[0]; p.y = c[1];
        p = p.matrixTransform(m);
        out.push([p.x + window.scrollX, p.y + window.scrollY]);
      });
    return out;
  }
  var result = {errors: window.__crmkitErrors || [], charts: [], sections: [],
                height: document.documentElement.scrollHeight};
  document.querySelectorAll("section").forEach(function (s) {
    var h2 = s.querySelector("h2");
    result.sections.push({title: h2 ? h2.textContent : "", charts: s.querySelectorAll("svg").length,
                          height: s.getBoundingClientRect().height});
  });
  document.querySelectorAll("svg").forEach(function (svg) {
    var box = svg.getBoundingClientRect(), inner = svg.getBBox(), section = svg.closest("section");
    var texts = [];
    svg.querySelectorAll("text").forEach(function (t) {
      var size = parseFloat(window.getComputedStyle(t).fontSize) * svg.getScreenCTM().a;
      texts.push({text: t.textContent, corners: corners(t), font_px: size});
    });
    result.charts.push({
      section: section && section.querySelector("h2") ? section.querySelector("h2").textContent : "",
      box: [box.left + window.scrollX, box.top + window.scrollY, box.width, box.height],
      content: [inner.width, inner.height],
      shapes: svg.querySelectorAll("rect,path,line,polyline,polygon,circle,ellipse").length,
      texts: texts});
  });
  var pre = document.createElement("pre");
  pre.id = "crmkit-probe";
  pre.textContent = JSON.stringify(result);
  document.body.appendChild(pre);
})();
