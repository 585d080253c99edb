// SVG charts: values land where the layout documented in include/crmkit/io/svg.hpp puts
// them (each expected pixel worked out by hand in the comment above its check), one element
// per drawn thing, and bad input refused naming the series and the category.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include "crmkit/io/svg.hpp"
#include "error_of.hpp"

using namespace crmkit::io;
using Catch::Contains;
using crmkit_test::error_of;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

ChartOptions sized(int width, int height, std::string title = "") {
  ChartOptions o;
  o.title = std::move(title);
  o.width = width;
  o.height = height;
  return o;
}

struct Label {
  double x, y;
  std::string anchor, text;
};

// Every one-line <text> element with its position and anchor.
std::vector<Label> labels_of(const std::string& svg) {
  static const std::regex text(
      R"re(<text x="([-\d.]+)" y="([-\d.]+)"(?: text-anchor="(\w+)")?[^>]*>([^<]*)</text>)re");
  std::vector<Label> out;
  for (std::sregex_iterator it(svg.begin(), svg.end(), text), end; it != end; ++it)
    out.push_back(
        {std::stod((*it)[1]), std::stod((*it)[2]), (*it)[3].matched ? (*it)[3].str() : "start", (*it)[4]});
  return out;
}

}  // namespace

TEST_CASE("svg: bars stand on zero at their value", "[svg]") {
  // 640 x 360, no legend (one unnamed series): plot x 60..620, y 36..312. Values 0..3 widen
  // to ticks of 1 over 0..3, so 92 px per unit. Slots 280 px wide; bar i starts at
  // 60 + 280 i + 28 and is 224 wide. "b" = 3: x 368, top 312 - 276 = 36, height 276;
  // "a" = 1: x 88, top 312 - 92 = 220, height 92.
  const std::string svg = bar_chart({"a", "b"}, {1, 3}, sized(640, 360, "Counts"));
  CHECK_THAT(svg, Contains(R"(<rect x="368.0" y="36.0" width="224.0" height="276.0")"));
  CHECK_THAT(svg, Contains(R"(<rect x="88.0" y="220.0" width="224.0" height="92.0")"));
  CHECK(count(svg, "<rect") == 3);  // the white background and two bars, no legend
  CHECK_THAT(svg, Contains(R"(<text x="200.0" y="326.0" text-anchor="middle">a</text>)"));  // slot centre
}

TEST_CASE("svg: grouped bars, negative below zero, with a legend", "[svg]") {
  // Legend of "Gap 1"/"Gap 5": 40 + 5 x 6.2 = 71 px on the right, so at width 651 the plot
  // is x 60..580 (520 px, slots of 260, bars of 0.8 x 260 / 2 = 104). Values -2..1 widen to
  // -2..1 (step 1): 92 px per unit, zero at y = 312 - 2 x 92 = 128.
  // Gap 5 at "T" = -2: x = 60 + 26 + 104 = 190, from y 128 down to 312 (height 184).
  // Gap 1 at "R" = 0.5: x = 60 + 260 + 26 = 346, from y 128 - 46 = 82 (height 46).
  const std::vector<CategorySeries> gaps = {{"Gap 1", {-1, 0.5}, {}, {}, false},
                                            {"Gap 5", {-2, 1}, {}, {}, false}};
  const std::string svg = grouped_bar_chart({"T", "R"}, gaps, sized(651, 360));
  CHECK_THAT(svg, Contains(R"(<rect x="190.0" y="128.0" width="104.0" height="184.0")"));
  CHECK_THAT(svg, Contains(R"(<rect x="346.0" y="82.0" width="104.0" height="46.0")"));
  CHECK(count(svg, "<rect") == 1 + 4 + 2);  // background, 2 x 2 bars, 2 legend swatches
  CHECK_THAT(svg, Contains(R"(y1="128.0" y2="128.0" stroke="#333")"));  // the zero line
  CHECK_THAT(svg, Contains(">Gap 5</text>"));
  CHECK_THAT(svg, Contains("<title>T, Gap 5: -2</title>"));
}

TEST_CASE("svg: long category labels are slanted with room below", "[svg]") {
  const std::string svg =
      bar_chart({"Company philosophy and climate", "Partnering with customers"}, {1, 2}, sized(300, 360));
  CHECK(count(svg, "rotate(-35)") == 2);
  CHECK_THAT(error_of([] { bar_chart({std::string(200, 'x')}, {1}, sized(300, 200)); }),
             Contains("labels too long"));
}

TEST_CASE("svg: bad bar input names the series and the label", "[svg]") {
  CHECK_THAT(error_of([] {
               bar_chart({"a", "b"}, {1, NAN}, sized(640, 360));
             }),
             Contains("series at label 'b' is not finite"));
  CHECK_THAT(error_of([] {
               grouped_bar_chart({"a", "b"}, {{"Gap 2", {1}, {}, {}, false}}, sized(640, 360));
             }),
             Contains("series 'Gap 2' has 1 values for 2 labels"));
  CHECK_THAT(error_of([] { grouped_bar_chart({"a"}, {}, sized(640, 360)); }), Contains("no series"));
  CHECK_THAT(error_of([] { bar_chart({}, {}, sized(640, 360)); }), Contains("no labels"));
  CHECK_THAT(error_of([] { bar_chart({"a"}, {1}, sized(50, 360)); }), Contains("chart size"));
}

TEST_CASE("svg: radar polygon vertices on their spokes", "[svg]") {
  // 640 x 360, legend "P": 40 + 6.2 = 46.2 px, so the plot is x 10..593.8, y 36..350:
  // centre (301.9, 193), half sizes 291.9 and 157. The top and bottom labels (one line,
  // 13 px) allow radius 157 - 13 - 10 = 134; the side ones (6.2 px wide) 291.9 - 6.2 - 10.
  // Scale 1..7: r = 134 (v - 1) / 6. A = 7 at the top: (301.9, 59); B = 4 on the right:
  // r 67, (368.9, 193); C = 1 at the centre; D = 5.5 on the left: r 100.5, (201.4, 193).
  const std::string svg =
      radar_chart({"A", "B", "C", "D"}, {{"P", {7, 4, 1, 5.5}, {}, {}, false}}, {1, 7}, sized(640, 360));
  CHECK_THAT(svg, Contains(R"(points="301.9,59.0 368.9,193.0 301.9,193.0 201.4,193.0")"));
  // Circles at 2, 3, ..., 7 (step 1 over a range of 6), the one at 4 of radius 67.
  CHECK(count(svg, "<circle") == 6);
  CHECK_THAT(svg, Contains(R"(<circle cx="301.9" cy="193.0" r="67.0")"));
  CHECK(count(svg, "<polygon") == 1);
  CHECK(count(svg, "<line") == 4 + 1);  // four spokes, one legend swatch
  // Labels outside the outer circle: the top one's baseline 10 px above it and 13 px of
  // block: y = 193 - 144 - 13 + 10 = 46; the right one starts at 301.9 + 144 = 445.9.
  CHECK_THAT(svg, Contains(R"(<text x="301.9" y="46.0" text-anchor="middle">A</text>)"));
  CHECK_THAT(svg, Contains(R"(<text x="445.9" y="196.5">B</text>)"));
}

TEST_CASE("svg: radar with several series, long labels and a 0-100 scale", "[svg]") {
  const std::vector<std::string> categories = {"Company philosophy and climate",
                                               "Partnering with customers",
                                               "Ready to find and solve customer problems",
                                               "Using communication and customer information",
                                               "Accommodating customers",
                                               "Capability and empowerment",
                                               "Process and product improvement"};
  const std::string svg = radar_chart(categories,
                                      {{"2024", {71, 64, 55, 80, 90, 60, 47}, {}, {}, false},
                                       {"2025", {75, 70, 60, 82, 88, 66, 58}, {}, {}, true}},
                                      {0, 100}, sized(640, 420));
  CHECK(count(svg, "<polygon") == 2);
  CHECK(count(svg, "stroke-dasharray") == 2);  // the dashed series and its legend line
  CHECK(count(svg, "<tspan") > 7);             // long labels wrapped onto several lines
  CHECK(count(svg, "<circle") == 5);           // 20, 40, 60, 80, 100
  for (const char* ring : {">20<", ">100<"}) CHECK_THAT(svg, Contains(ring));
}

TEST_CASE("svg: bad radar input", "[svg]") {
  const std::vector<std::string> three = {"a", "b", "c"};
  CHECK_THAT(error_of([] {
               radar_chart({"a", "b"}, {{"E", {1, 2}, {}, {}, false}}, {1, 7}, sized(640, 360));
             }),
             Contains("at least 3 axes, got 2"));
  CHECK_THAT(error_of([&] {
               radar_chart(three, {{"Perception", {1, 8, 2}, {}, {}, false}}, {1, 7}, sized(640, 360));
             }),
             Contains("series 'Perception' at axis 'b' is 8, outside the scale 1 .. 7"));
  CHECK_THAT(error_of([&] {
               radar_chart(three, {{"E", {1, 2, NAN}, {}, {}, false}}, {1, 7}, sized(640, 360));
             }),
             Contains("series 'E' at axis 'c' is not finite"));
  CHECK_THAT(error_of([&] {
               radar_chart(three, {{"E", {1, 2}, {}, {}, false}}, {1, 7}, sized(640, 360));
             }),
             Contains("series 'E' has 2 values for 3 axes"));
  CHECK_THAT(error_of([&] {
               radar_chart(three, {{"E", {1, 2, 3}, {}, {}, false}}, {7, 1}, sized(640, 360));
             }),
             Contains("scale must be finite with min < max"));
  CHECK_THAT(error_of([&] { radar_chart(three, {}, {1, 7}, sized(640, 360)); }), Contains("no series"));
  CHECK_THAT(error_of([] {
               radar_chart({"a", std::string(60, 'x'), "c"}, {{"E", {1, 2, 3}, {}, {}, false}}, {1, 7},
                           sized(200, 200));
             }),
             Contains("labels too long"));
}

TEST_CASE("svg: lines over categories with confidence intervals", "[svg]") {
  // Legend "Index": 40 + 31 = 71 px; at width 651 the plot is x 60..580, slots of 260, the
  // points at 190 and 450. y range 0..100 over y 36..312: 2.76 px per unit, so 60 -> 146.4,
  // 80 -> 91.2, 55 -> 160.2, 65 -> 132.6.
  const std::string svg =
      category_line_chart({"2024-Q1", "2024-Q2"}, {{"Index", {60, 80}, {55, 75}, {65, 85}, false}},
                          sized(651, 360), Range{0, 100});
  CHECK_THAT(svg, Contains(R"(points="190.0,146.4 450.0,91.2")"));
  CHECK_THAT(svg, Contains("M190.0,160.2V132.6"));  // the first error bar, lower to upper
  CHECK(count(svg, "<circle") == 2);
  CHECK(count(svg, "<path") == 1);
  CHECK(count(svg, "<polyline") == 1);
  CHECK_THAT(svg, Contains(">2024-Q2</text>"));
  // Without a range the axis is the data's widened to whole ticks: 55..85 -> 50..90 (step 10).
  const std::string auto_range = category_line_chart(
      {"2024-Q1", "2024-Q2"}, {{"Index", {60, 80}, {55, 75}, {65, 85}, false}}, sized(651, 360));
  CHECK_THAT(auto_range, Contains(">50</text>"));
  CHECK_THAT(auto_range, Contains(">90</text>"));
  CHECK(count(auto_range, ">40</text>") == 0);
}

TEST_CASE("svg: degenerate value ranges", "[svg]") {
  // One value repeated: the axis is one unit wide from it (5 -> 5..6, ticks of 0.2), and the
  // points sit on its bottom line, y = 312.
  CHECK_THAT(category_line_chart({"a", "b"}, {{"", {5, 5}, {}, {}, false}}, sized(640, 360)),
             Contains(R"(points="200.0,312.0 480.0,312.0")"));
  // 1e20 + 1 == 1e20: the axis must still have a width, or every coordinate would be NaN.
  const std::string huge = category_line_chart({"a"}, {{"", {1e20}, {}, {}, false}}, sized(640, 360));
  CHECK(huge.find("nan") == std::string::npos);
  CHECK_THAT(error_of([] { bar_chart({"a", "b"}, {-1.7e308, 1.7e308}, sized(640, 360)); }),
             Contains("span more than a double can hold"));
}

TEST_CASE("svg: bad category line input", "[svg]") {
  const std::vector<std::string> waves = {"W1", "W2"};
  CHECK_THAT(
      error_of([&] {
        category_line_chart(waves, {{"CSI", {60, 120}, {}, {}, false}}, sized(640, 360), Range{0, 100});
      }),
      Contains("series 'CSI' at label 'W2': 120 is outside the y range 0 .. 100"));
  CHECK_THAT(error_of([&] {
               category_line_chart(waves, {{"CSI", {60, 70}, {50, 71}, {65, 80}, false}}, sized(640, 360));
             }),
             Contains("at label 'W2': interval 71 .. 80 does not hold the value 70"));
  CHECK_THAT(error_of([&] {
               category_line_chart(waves, {{"CSI", {60, 70}, {NAN, 60}, {65, 80}, false}}, sized(640, 360));
             }),
             Contains("at label 'W1': interval bound is not finite"));
  CHECK_THAT(error_of([&] {
               category_line_chart(waves, {{"CSI", {60, 70}, {50}, {}, false}}, sized(640, 360));
             }),
             Contains("needs both lower and upper, one per label"));
}

TEST_CASE("svg: IPA dots, crosshair and quadrants", "[svg]") {
  // Plot x 60..620, value area y 56..292 (20 px bands above and below). Both ranges 0..8:
  // 70 px per unit across, 29.5 up. Item a (performance 2, importance 6): (200, 115);
  // the crosshair at (4, 4): x 340, y 292 - 118 = 174.
  const std::string svg =
      ipa_chart({"a", "b"}, {2, 6}, {6, 2}, 4, 4, sized(640, 360), Range{0, 8}, Range{0, 8});
  CHECK_THAT(svg, Contains(R"(<circle cx="200.0" cy="115.0" r="4")"));
  CHECK_THAT(svg, Contains(R"(<line x1="340.0" x2="340.0" y1="36.0" y2="312.0")"));
  CHECK_THAT(svg, Contains(R"(<line x1="60.0" x2="620.0" y1="174.0" y2="174.0")"));
  // "Concentrate here" is the high-importance, low-performance quadrant: up and left of
  // the crosshair, from (60, 36) to (340, 174).
  CHECK_THAT(
      svg,
      Contains(
          R"(<rect x="60.0" y="36.0" width="280.0" height="138.0" fill="#fdecea"><title>Concentrate here)"));
  CHECK_THAT(
      svg,
      Contains(
          R"(<rect x="340.0" y="174.0" width="280.0" height="138.0" fill="#fff6dc"><title>Possible overkill)"));
  for (const char* name : {"Keep up the good work", "Low priority"}) CHECK_THAT(svg, Contains(name));
  CHECK(count(svg, "<circle") == 2);
  CHECK(count(svg, "<rect") == 1 + 4);
  CHECK_THAT(svg, Contains(">Performance</text>"));  // default axis labels
  CHECK_THAT(svg, Contains("rotate(-90)\" text-anchor=\"middle\">Importance</text>"));
}

TEST_CASE("svg: IPA labels cover no dot, label or quadrant name", "[svg]") {
  // A tight cluster and dots in the corners where the quadrant names are.
  const std::vector<std::string> items = {"Keeps promises", "Dependable",      "On time",        "Prompt",
                                          "Safe",           "Corner high low", "Corner low high"};
  const std::vector<double> performance = {4.0, 4.05, 4.1, 4.0, 4.1, 1.1, 6.9};
  const std::vector<double> importance = {5.0, 5.05, 5.0, 5.1, 5.1, 6.95, 1.05};
  const std::string svg =
      ipa_chart(items, performance, importance, 4, 4, sized(640, 360), Range{1, 7}, Range{1, 7});
  static const std::regex circle(R"re(<circle cx="([-\d.]+)" cy="([-\d.]+)")re");
  std::vector<std::pair<double, double>> dots;
  for (std::sregex_iterator it(svg.begin(), svg.end(), circle), end; it != end; ++it)
    dots.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  REQUIRE(dots.size() == items.size());
  struct Box {
    double x0, y0, x1, y1;
  };
  std::vector<Box> boxes;  // item labels and quadrant names, as the layout estimates text
  for (const Label& l : labels_of(svg)) {
    const bool item = std::find(items.begin(), items.end(), l.text) != items.end();
    const bool quadrant = l.text == "Concentrate here" || l.text == "Keep up the good work" ||
                          l.text == "Low priority" || l.text == "Possible overkill";
    if (!item && !quadrant) continue;
    const double w = 6.2 * static_cast<double>(l.text.size());
    const double x0 = l.anchor == "start" ? l.x : l.anchor == "end" ? l.x - w : l.x - w / 2;
    boxes.push_back({x0, l.y - 9, x0 + w, l.y + 3});
  }
  REQUIRE(boxes.size() == items.size() + 4);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const Box& b = boxes[i];
    for (const auto& d : dots)
      CHECK_FALSE((b.x0 < d.first + 4 && d.first - 4 < b.x1 && b.y0 < d.second + 4 && d.second - 4 < b.y1));
    for (std::size_t j = 0; j < i; ++j)
      CHECK_FALSE((b.x0 < boxes[j].x1 && boxes[j].x0 < b.x1 && b.y0 < boxes[j].y1 && boxes[j].y0 < b.y1));
  }
}

TEST_CASE("svg: IPA axes from the data", "[svg]") {
  // Performance 2..6 with the crosshair at 4, 5% room each side: 1.8..6.2, widened to whole
  // steps of 1: 1..7. So 1 is the left edge: x = 60.
  const std::string svg = ipa_chart({"a", "b"}, {2, 6}, {3, 5}, 4, 4, sized(640, 360));
  CHECK_THAT(svg, Contains(R"(<text x="60.0" y="326.0" text-anchor="middle">1</text>)"));
  CHECK_THAT(svg, Contains(R"(<text x="620.0" y="326.0" text-anchor="middle">7</text>)"));
}

TEST_CASE("svg: bad IPA input names the item", "[svg]") {
  CHECK_THAT(error_of([] {
               ipa_chart({"a", "Dependable"}, {2, 8}, {3, 5}, 4, 4, sized(640, 360), Range{1, 7});
             }),
             Contains("performance of item 'Dependable' is 8, outside the range 1 .. 7"));
  CHECK_THAT(error_of([] {
               ipa_chart({"a", "b"}, {2, 3}, {3, NAN}, 4, 4, sized(640, 360));
             }),
             Contains("importance of item 'b' is not finite"));
  CHECK_THAT(error_of([] {
               ipa_chart({"a", "b"}, {2}, {3, 4}, 4, 4, sized(640, 360));
             }),
             Contains("2 labels, 1 performance and 2 importance values"));
  CHECK_THAT(error_of([] {
               ipa_chart({"a"}, {2}, {3}, 9, 4, sized(640, 360), Range{1, 7}, Range{1, 7});
             }),
             Contains("the performance crosshair 9 is outside the range 1 .. 7"));
  CHECK_THAT(error_of([] { ipa_chart({"a"}, {2}, {3}, NAN, 4, sized(640, 360)); }),
             Contains("crosshair is not finite"));
  CHECK_THAT(error_of([] { ipa_chart({}, {}, {}, 4, 4, sized(640, 360)); }), Contains("no items"));
}

TEST_CASE("svg: line chart mapping, legend and markers", "[svg]") {
  // Legend "s": 46.2 px, plot x 60..593.8; x 0..10; y 0..5 (step 1) over y 36..312.
  ChartOptions o = sized(640, 360);
  o.markers = {{10, "end of calibration"}};
  const std::string svg = line_chart({{"s", {0, 10}, {0, 5}, false}}, o);
  CHECK_THAT(svg, Contains(R"(points="60.0,312.0 593.8,36.0")"));
  // A marker at the right edge: its label goes to the left of the line.
  CHECK_THAT(svg, Contains(R"(<text x="589.8" y="48.0" text-anchor="end">end of calibration</text>)"));
  CHECK_THAT(error_of([] {
               line_chart({{"s", {0, 1}, {0}, false}}, sized(640, 360));
             }),
             Contains("series 's' is empty or its x and y differ in length"));
}

TEST_CASE("svg: text is escaped", "[svg]") {
  const std::string svg = bar_chart({"<b>&"}, {1}, sized(640, 360, "P & \"E\""));
  CHECK_THAT(svg, Contains("&lt;b&gt;&amp;"));
  CHECK_THAT(svg, Contains("P &amp; &quot;E&quot;"));
  CHECK(svg.find("<b>") == std::string::npos);
}
