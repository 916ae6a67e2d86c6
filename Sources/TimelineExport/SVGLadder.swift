import LessonKit
import TCPCore
import TimelineKit

/// `tcptutor export --format svg`: the ladder diagram as the screen draws it, made for print. Text stays text
/// (selectable and searchable), fonts fall back to ones that cover Chinese, nothing is fetched from elsewhere, and
/// the same timeline always gives the same bytes.
public struct SVGLadder {
    public var export: ExportedTimeline
    /// Each segment's reason (its rule with the RFC 9293 section) in small type under its arrow.
    public var showsRules = false

    public init(_ export: ExportedTimeline, showsRules: Bool = false) {
        self.export = export
        self.showsRules = showsRules
    }

    /// Every font named has Latin letters; the first ones found also have Chinese (a viewer without any of them
    /// falls back to its own sans-serif).
    static let sansFonts =
        "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", \"WenQuanYi Zen Hei\", "
        + "\"DejaVu Sans\", Arial, sans-serif"
    /// tcpdump's notation lines up in a fixed-width font.
    static let monoFonts = "\"DejaVu Sans Mono\", Menlo, Consolas, \"Noto Sans Mono CJK SC\", monospace"

    static let style = """
        text{font-family:\(sansFonts);fill:#222}\
        .title{font-size:\(LadderLayout.titleSize)px;font-weight:bold}\
        .header{font-size:\(LadderLayout.textSize)px;fill:#555}\
        .host{font-size:15px;font-weight:bold}\
        .address{font-size:\(LadderLayout.noteSize)px;fill:#333}\
        .label{font-family:\(monoFonts);font-size:\(LadderLayout.textSize)px}\
        .tag{font-size:\(LadderLayout.noteSize)px;font-style:italic}\
        .state{font-size:\(LadderLayout.stateSize)px;font-weight:bold}\
        .note{font-size:\(LadderLayout.noteSize)px;fill:#666}\
        .rule{font-size:\(LadderLayout.ruleSize)px;fill:#555}\
        .halo{paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}
        """

    static func hostColor(_ host: HostID) -> String { host == .a ? "#1f5fa8" : "#a63d00" }
    static func hostFill(_ host: HostID) -> String { host == .a ? "#e8f0fa" : "#fbeee6" }
    static let retransmissionColor = "#7b1fa2"
    static let lostColor = "#c62828"

    /// The whole document.
    public func document() -> String {
        let layout = LadderLayout(export, showsRules: showsRules)
        var out: [String] = []
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        out.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(layout.width)\" height=\"\(layout.height)\" "
                + "viewBox=\"0 0 \(layout.width) \(layout.height)\" "
                + "lang=\"\(export.language == .en ? "en" : "zh-Hans")\">")
        out.append("<title>\(SVGText.escaped(layout.title))</title>")
        out.append("<style>\(Self.style)</style>")
        out.append("<rect width=\"\(layout.width)\" height=\"\(layout.height)\" fill=\"#fff\"/>")
        out.append(text(layout.title, x: LadderLayout.margin, y: 28, className: "title"))
        for (index, line) in layout.headerLines.enumerated() {
            // The printers' header separates its parts with two spaces: kept, as on a terminal.
            out.append(
                text(line, x: LadderLayout.margin, y: 50 + index * 18, className: "header")
                    .replacingAll("<text ", "<text xml:space=\"preserve\" "))
        }
        out += hosts(layout)
        for row in layout.rows { out += rowMarks(row, layout) }
        for arrow in layout.arrows { out += self.arrow(arrow, layout) }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    func text(_ content: String, x: Int, y: Int, className: String, anchor: String? = nil, fill: String? = nil)
        -> String
    {
        var attributes = "x=\"\(x)\" y=\"\(y)\" class=\"\(className)\""
        if let anchor { attributes += " text-anchor=\"\(anchor)\"" }
        if let fill { attributes += " fill=\"\(fill)\" style=\"fill:\(fill)\"" }
        return "<text \(attributes)>\(SVGText.escaped(content))</text>"
    }

    /// Each host's box (its letter and address) and lifeline.
    func hosts(_ layout: LadderLayout) -> [String] {
        HostID.allCases.flatMap { host -> [String] in
            let x = layout.lane(host)
            let address = export.timeline.hosts[host].description
            let boxWidth = max(120, LadderLayout.estimatedWidth(address, size: LadderLayout.noteSize) + 20)
            let top = layout.headTop
            return [
                "<rect x=\"\(x - boxWidth / 2)\" y=\"\(top)\" width=\"\(boxWidth)\" height=\"\(LadderLayout.headHeight)\" "
                    + "rx=\"6\" fill=\"\(Self.hostFill(host))\" stroke=\"\(Self.hostColor(host))\" stroke-width=\"1.5\"/>",
                text(host.rawValue, x: x, y: top + 17, className: "host", anchor: "middle", fill: Self.hostColor(host)),
                text(address, x: x, y: top + 33, className: "address", anchor: "middle"),
                "<line x1=\"\(x)\" y1=\"\(top + LadderLayout.headHeight)\" x2=\"\(x)\" y2=\"\(layout.lifelineEnd)\" "
                    + "stroke=\"\(Self.hostColor(host))\" stroke-width=\"2\"/>",
            ]
        }
    }

    /// A row's state changes beside the lifelines (both states at the start), the call that made them, or the time
    /// that passed.
    func rowMarks(_ row: LadderLayout.Row, _ layout: LadderLayout) -> [String] {
        let words = ExportWords(export.language)
        var out: [String] = []
        for host in HostID.allCases {
            let x = layout.lane(host)
            let outside = host == .a ? x - 10 : x + 10
            let anchor = host == .a ? "end" : "start"
            let state: ConnectionState? =
                if case .start = row.frame.event { row.frame.host(host).state } else {
                    export.stateChange(row.frame, host)
                }
            if let state {
                // A captured segment changes its sender's state as it leaves: written where the arrow starts, under
                // what that row already says.
                let leaving = export.capture == nil ? nil : layout.arrows.first { $0.frame.index == row.frame.index }
                let y = leaving.flatMap { $0.wire.from == host ? $0.startY + 16 : nil } ?? row.y
                out.append("<circle cx=\"\(x)\" cy=\"\(y)\" r=\"3.5\" fill=\"\(Self.hostColor(host))\"/>")
                out.append(
                    text(
                        state.description, x: outside, y: y + 4, className: "state", anchor: anchor,
                        fill: Self.hostColor(host)))
            }
            if case .call(let caller, let call) = row.frame.event, caller == host {
                out.append(
                    text(
                        words.shared.call(host, call), x: outside, y: row.y + (state == nil ? 4 : 19),
                        className: "note", anchor: anchor))
            }
        }
        if case .wait(let milliseconds) = row.frame.event, milliseconds > 0 {
            out.append(
                text(
                    words.shared.wait(milliseconds), x: (layout.leftLane + layout.rightLane) / 2, y: row.y + 4,
                    className: "note halo", anchor: "middle"))
        }
        return out
    }

    /// One segment: a sloped line from the sender's row to the receiver's, ending in an arrowhead, in a cross where
    /// it was lost or half-way while still on its way; its label along it, its rule under it.
    func arrow(_ arrow: LadderLayout.Arrow, _ layout: LadderLayout) -> [String] {
        let sender = arrow.wire.from
        let start = (x: Double(layout.lane(sender)), y: Double(arrow.startY))
        let full = (x: Double(layout.lane(sender.peer)), y: Double(arrow.endY))
        if let quiz = export.hiddenQuiz(arrow.frame), quiz.fields.contains(.sender) {
            // Who sends is the question: no arrow, no direction.
            return [
                text(
                    "?", x: (layout.leftLane + layout.rightLane) / 2, y: arrow.endY + 4, className: "state halo",
                    anchor: "middle")
            ]
        }
        let reach = arrow.drawn.upperBound - arrow.drawn.lowerBound
        let end = (x: start.x + (full.x - start.x) * reach, y: start.y + (full.y - start.y) * reach)
        let color = arrow.retransmission ? Self.retransmissionColor : "#333"
        let width = arrow.retransmission ? "2.2" : "1.5"
        let dash = arrow.wire.sentBecause == .fromOutside ? " stroke-dasharray=\"7 4\"" : ""
        var out: [String] = []
        let length = ((full.x - start.x) * (full.x - start.x) + (full.y - start.y) * (full.y - start.y)).squareRoot()
        let unit = (x: (full.x - start.x) / length, y: (full.y - start.y) / length)
        if arrow.wire.fate == .dropped {
            out.append(line(from: start, to: end, color: color, width: width, extra: dash))
            let size = 6.0
            out.append(
                line(
                    from: (end.x - size, end.y - size), to: (end.x + size, end.y + size), color: Self.lostColor,
                    width: "2.5", extra: ""))
            out.append(
                line(
                    from: (end.x - size, end.y + size), to: (end.x + size, end.y - size), color: Self.lostColor,
                    width: "2.5", extra: ""))
        } else {
            // The line stops at the arrowhead's base so that its end does not blunt the tip.
            let base = (x: end.x - unit.x * 10, y: end.y - unit.y * 10)
            out.append(line(from: start, to: base, color: color, width: width, extra: dash))
            let side = (x: -unit.y * 4.5, y: unit.x * 4.5)
            let points = [end, (base.x + side.x, base.y + side.y), (base.x - side.x, base.y - side.y)]
            out.append(
                "<polygon points=\""
                    + points.map { SVGText.number($0.0) + "," + SVGText.number($0.1) }.joined(separator: " ")
                    + "\" fill=\"\(color)\"/>")
        }
        // Text reads left to right along the line, centred where the layout placed it.
        let line = layout.line(arrow)
        let along = line.unit
        let centre = line.point(arrow.labelAt)
        let matrix =
            "matrix(\(SVGText.number(along.x)) \(SVGText.number(along.y)) \(SVGText.number(-along.y)) "
            + "\(SVGText.number(along.x)) \(SVGText.number(centre.x)) \(SVGText.number(centre.y)))"
        let anchor = "middle"
        out.append(
            "<text transform=\"\(matrix)\" x=\"0\" y=\"-6\" text-anchor=\"\(anchor)\" class=\"label halo\" "
                + "style=\"fill:\(color)\">\(SVGText.escaped(arrow.label))</text>")
        // Under the arrow: its tags in the arrow's colour (a loss in the cross's), then its rule.
        var below: [String] = []
        if !arrow.tags.isEmpty {
            let tagColor = arrow.wire.fate == .dropped ? Self.lostColor : color
            below.append(
                "<tspan x=\"0\" y=\"\(LadderLayout.ruleLine + 1)\" class=\"tag\" style=\"fill:\(tagColor)\">"
                    + SVGText.escaped(arrow.tags.joined(separator: ", ")) + "</tspan>")
        }
        for line in arrow.ruleLines {
            below.append(
                "<tspan x=\"0\" y=\"\((below.count + 1) * LadderLayout.ruleLine + 1)\">\(SVGText.escaped(line))</tspan>"
            )
        }
        if !below.isEmpty {
            out.append(
                "<text transform=\"\(matrix)\" text-anchor=\"\(anchor)\" class=\"rule halo\">" + below.joined()
                    + "</text>")
        }
        return out
    }

    func line(from: (Double, Double), to: (Double, Double), color: String, width: String, extra: String) -> String {
        "<line x1=\"\(SVGText.number(from.0))\" y1=\"\(SVGText.number(from.1))\" x2=\"\(SVGText.number(to.0))\" "
            + "y2=\"\(SVGText.number(to.1))\" stroke=\"\(color)\" stroke-width=\"\(width)\"\(extra)/>"
    }
}
