import LessonKit
import TCPCore
import TimelineKit
import TutorUI

/// Where everything of a ladder diagram goes, in SVG user units: one row per step drawn (the start, each call,
/// each segment crossing, each wait that changes something), time flowing down. A segment's arrow leaves its
/// sender at the row of the step that emitted it and reaches the receiver at the row of the step that delivers
/// it, so segments that cross on the wire (a simultaneous close) are drawn crossing.
struct LadderLayout {
    /// One step drawn.
    struct Row {
        var frame: Frame
        var y: Int
    }

    /// One segment's arrow, from `start` on the sender's lifeline towards `end` on the receiver's.
    struct Arrow {
        var frame: Frame
        var wire: WireEvent
        var startY: Int
        var endY: Int
        var label: String
        var tags: [String]
        var ruleLines: [String]
        var retransmission: Bool
        /// Where the label's centre is along the line from A's lifeline to B's (0 to 1).
        var labelAt = 0.5

        /// How much of the line is drawn, from its left end: a lost segment stops at its cross, one still on its
        /// way half-way.
        var drawn: ClosedRange<Double> {
            let reach: Double =
                switch wire.fate {
                case .dropped: 0.6
                case .inFlight: 0.5
                case .delivered, .duplicated: 1
                }
            return wire.from == .a ? 0...reach : (1 - reach)...1
        }

        /// What is written under the arrow: its tags (lost, retransmission, a capture's labels), then its rule.
        var linesBelow: Int { (tags.isEmpty ? 0 : 1) + ruleLines.count }
    }

    static let margin = 16
    static let titleSize = 18
    static let textSize = 12
    static let stateSize = 13
    static let noteSize = 11
    static let ruleSize = 10
    static let headHeight = 40
    static let callRow = 36
    static let segmentRow = 52
    static let ruleLine = 13
    static let ruleRowShare = 24

    var rows: [Row] = []
    var arrows: [Arrow] = []
    /// The title and the lines under it.
    var title: String
    var headerLines: [String]
    /// A's and B's lifelines.
    var leftLane: Int, rightLane: Int
    /// The whole picture.
    var width: Int, height: Int
    /// The top of the hosts' boxes, and the bottom of their lifelines.
    var headTop: Int, lifelineEnd: Int

    /// The width of `text` at `size`, estimated from its display width (a Chinese character counts two cells):
    /// room is kept for the widest font in the fallback list.
    static func estimatedWidth(_ text: String, size: Int) -> Int {
        (TextWidth.of(text) * size * 62 + 99) / 100
    }

    init(_ export: ExportedTimeline, showsRules: Bool) {
        let words = ExportWords(export.language)
        title = export.text(export.title)
        headerLines = export.headerLines()
        let frames = export.frames
        // The lane distance gives the longest label room to spare: where two arrows meet on a lifeline, the one
        // leaving must have its label clear of the one arriving (its tags and rule go under it).
        let labels = frames.compactMap { frame in frame.wire.map { export.label($0, frame: frame) } }
        let longest = labels.map { Self.estimatedWidth($0, size: Self.textSize) }.max() ?? 0
        let laneDistance = max(460, longest * 3 / 2 + 40)
        // Two arrows meeting at a lifeline are `2 × row × d` apart at a distance d (a fraction of the lane) from
        // it; the end of a centred label is at d = ½ − its half width, and there they must be a line of text apart.
        let clearance = max(0.08, 0.5 - Double(longest + 32) / Double(2 * laneDistance))
        let segmentRow = max(Self.segmentRow, Int((Double(Self.textSize * 2 + 4) / (2 * clearance)).rounded(.up)))
        // The outer columns fit the widest state and call text.
        var outer = 110
        for frame in frames {
            for host in HostID.allCases {
                outer = max(outer, Self.estimatedWidth(frame.host(host).state.description, size: Self.stateSize) + 20)
            }
            if case .call(let host, let call) = frame.event {
                outer = max(outer, Self.estimatedWidth(words.shared.call(host, call), size: Self.noteSize) + 20)
            }
        }
        outer = max(outer, 90)
        leftLane = Self.margin + outer
        rightLane = leftLane + laneDistance
        width = max(rightLane + outer + Self.margin, Self.estimatedWidth(title, size: Self.titleSize) + 2 * Self.margin)
        for line in headerLines {
            width = max(width, Self.estimatedWidth(line, size: Self.textSize) + 2 * Self.margin)
        }
        headTop = 36 + headerLines.count * 18
        var y = headTop + Self.headHeight + 24
        // What goes under each arrow, and for each step the room the arrows leaving it need: arrows that leave
        // one after the other and arrive much later run side by side, one label and its lines apart.
        var below: [Int: (tags: [String], rules: [String])] = [:]
        var emissions: [Int: Int] = [:]
        var leaving: [Int: [Int]] = [:]
        for frame in frames {
            guard let wire = frame.wire else { continue }
            let rule = showsRules ? export.ruleParts(wire, frame: frame) : nil
            below[frame.index] = (
                export.tags(wire, frame: frame),
                rule.map { Self.ruleLines($0.sentence, section: $0.section, laneDistance: laneDistance) } ?? []
            )
            if let emitted = Self.emission(of: wire, before: frame.index, in: export.timeline) {
                emissions[frame.index] = emitted.frame
                leaving[emitted.frame, default: []].append(frame.index)
            }
        }
        func room(_ segmentFrame: Int) -> Int {
            let lines = below[segmentFrame].map { ($0.tags.isEmpty ? 0 : 1) + $0.rules.count } ?? 0
            return Self.textSize * 2 + 2 + lines * Self.ruleLine
        }
        var rowOf: [Int: Int] = [:]
        var previousY = y
        for frame in frames {
            let drawn: Bool
            switch frame.event {
            case .start, .call, .segment: drawn = true
            case .wait(let milliseconds):
                drawn = milliseconds > 0 || !frame.emitted.isEmpty || frame.transitions.values.contains { !$0.isEmpty }
            case .say, .reorder:
                drawn = !frame.emitted.isEmpty || frame.transitions.values.contains { !$0.isEmpty }
            }
            guard drawn else { continue }
            if let wire = frame.wire, let text = below[frame.index] {
                // Arrows leaving the same step start one below the other.
                let startY =
                    emissions[frame.index].flatMap { emission in
                        rowOf[emission].map { row in
                            row + (leaving[emission] ?? []).prefix { $0 != frame.index }.map(room).reduce(0, +)
                        }
                    } ?? previousY
                // Each line under an arrow needs about twice its height between the rows: the next arrow leaves
                // from where this one arrives, and its label must clear those lines.
                y += segmentRow - Self.callRow + (text.rules.count + (text.tags.isEmpty ? 0 : 1)) * Self.ruleRowShare
                arrows.append(
                    Arrow(
                        frame: frame, wire: wire, startY: min(startY, y - 20), endY: y,
                        label: export.label(wire, frame: frame), tags: text.tags, ruleLines: text.rules,
                        retransmission: export.isRetransmission(wire, frame: frame)))
            }
            rows.append(Row(frame: frame, y: y))
            rowOf[frame.index] = y
            previousY = y
            y += max(Self.callRow, (leaving[frame.index] ?? []).map(room).reduce(0, +))
        }
        lifelineEnd = previousY + 28
        height = lifelineEnd + Self.margin
        placeLabels(words)
    }

    /// Places each arrow's label where it covers no other label and no wait's text.
    mutating func placeLabels(_ words: ExportWords) {
        var placement = LabelPlacement()
        for row in rows {
            guard case .wait(let milliseconds) = row.frame.event, milliseconds > 0 else { continue }
            let half = Double(Self.estimatedWidth(words.shared.wait(milliseconds), size: Self.noteSize)) / 2
            let centre = Double(leftLane + rightLane) / 2
            placement.reserve(
                .init(minX: centre - half, minY: Double(row.y - 8), maxX: centre + half, maxY: Double(row.y + 6)))
        }
        for index in arrows.indices {
            let line = self.line(arrows[index])
            let arrow = arrows[index]
            let ruleWidth = arrow.ruleLines.map { Self.estimatedWidth($0, size: Self.ruleSize) }.max() ?? 0
            let tagWidth = Self.estimatedWidth(arrow.tags.joined(separator: ", "), size: Self.noteSize)
            let width = Double(max(Self.estimatedWidth(arrow.label, size: Self.textSize), ruleWidth, tagWidth))
            let below = Double(arrow.linesBelow * Self.ruleLine + 3)
            arrows[index].labelAt = placement.place(
                on: line, drawn: arrows[index].drawn, width: width, below: below)
        }
    }

    /// The arrow's whole line (as if it arrived), from its left end to its right end.
    func line(_ arrow: Arrow) -> LabelPlacement.Line {
        let fromA = arrow.wire.from == .a
        return LabelPlacement.Line(
            left: (Double(leftLane), Double(fromA ? arrow.startY : arrow.endY)),
            right: (Double(rightLane), Double(fromA ? arrow.endY : arrow.startY)))
    }

    /// A rule's sentence wrapped to two fifths of the lane distance, so that it stays clear of the arrows that meet
    /// at the lifelines, with its section on the last line, never cut.
    static func ruleLines(_ sentence: String, section: String?, laneDistance: Int) -> [String] {
        let cells = laneDistance * 42 / (Self.ruleSize * 62)
        var lines = TextWrap.lines(sentence, width: cells)
        guard let section else { return lines }
        if let last = lines.last, TextWidth.of(last) + 1 + TextWidth.of(section) <= cells {
            lines[lines.count - 1] = last + " " + section
        } else {
            lines.append(section)
        }
        return lines
    }

    /// The step that emitted `wire` and its place among the segments its sender emitted in that step.
    static func emission(of wire: WireEvent, before index: Int, in timeline: Timeline) -> (frame: Int, order: Int)? {
        for frame in timeline.frames[..<index].reversed() {
            let fromSender = frame.emitted.filter { $0.from == wire.from }
            if let order = fromSender.firstIndex(where: { $0.segment == wire.segment }) {
                return (frame.index, order)
            }
        }
        return nil
    }

    func lane(_ host: HostID) -> Int { host == .a ? leftLane : rightLane }
}
