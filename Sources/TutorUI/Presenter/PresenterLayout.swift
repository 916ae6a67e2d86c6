import LessonKit
import TimelineKit

/// Where everything goes on the projector screen, and whether the state names and the step counter are
/// drawn in big letters (only when they fit; otherwise in bold reverse video).
///
/// From the top: the header, the two host boxes, the wire below them (two label rows, the arrow row joining the
/// boxes, a note row), the readout in big letters across the screen (the question, the answer, the flags) where
/// it fits, the text panel, the segments so far (a ladder, as the tutor draws it) at the bottom, and the key
/// hint on the last row. The text comes first: the readout and then the ladder take only the room it leaves.
struct PresenterLayout {
    var bigStates: Bool
    var bigCounter: Bool
    /// Cells per pixel across for big state names: 2 (square pixels) where two boxes of them fit, else 1.
    var stateScale: Int
    var header: Rect
    var hostA: Rect
    var hostB: Rect
    /// The first row under the boxes, where the wire starts.
    var wireTop: Int
    /// The big-letter readout, when there is room for it.
    var readout: Rect?
    var panel: Rect
    /// The ladder of the segments so far, when there is room for it.
    var ladder: Rect?
    var hint: Rect

    /// Cells between the panel and the screen's sides, and the widest the panel gets (long lines are hard
    /// to read from the back of a room).
    static let panelMargin = 4
    static let panelMaxWidth = 96
    /// Cells between the readout and the screen's sides.
    static let readoutMargin = 2

    /// Rows of the wire: two label rows, the arrow, a note.
    static let wireRows = 4

    /// What the lesson needs room for.
    struct Needs {
        /// The longest state name any host reaches.
        var longestState: Int
        /// Lines of the longest text of the panel.
        var panelLines: Int
        /// Big lines of the longest readout at the readout's width.
        var readoutLines: Int
        /// Segments the lesson shows (the ladder's rows, under its heading).
        var segments: Int
    }

    /// The layout for a screen of `size` showing what a lesson `needs`.
    init(size: Size, needs: Needs) {
        let longest = String(repeating: "W", count: max(needs.longestState, 1))
        let fits = { (scale: Int) in 2 * (BigText.width(of: longest, scale: scale) + 6) + 8 <= size.width }
        stateScale = fits(2) ? 2 : 1
        let bigBoxWidth = BigText.width(of: longest, scale: stateScale) + 6
        bigStates = fits(1) && size.height >= 30
        bigCounter = size.width >= 100 && size.height >= 32
        header = Rect(x: 0, y: 0, width: size.width, height: bigCounter ? BigText.height : 1)
        let boxWidth = bigStates ? bigBoxWidth : min(max(size.width * 3 / 10, 28), 40)
        let boxHeight = bigStates ? BigText.height + 4 : 5
        let boxTop = header.maxY + 1
        hostA = Rect(x: 0, y: boxTop, width: boxWidth, height: boxHeight)
        hostB = Rect(x: size.width - boxWidth, y: boxTop, width: boxWidth, height: boxHeight)
        wireTop = hostA.maxY
        hint = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        // Rows between the wire (and the blank row under it) and the blank row above the hint.
        var top = wireTop + Self.wireRows + 1
        let bottom = size.height - 2
        var room = bottom - top
        let readoutRows = PresenterReadout.rows(forLines: needs.readoutLines)
        readout = nil
        if needs.readoutLines > 0, size.height >= 30, room - readoutRows - 1 >= needs.panelLines {
            readout = Rect(
                x: Self.readoutMargin, y: top, width: size.width - 2 * Self.readoutMargin, height: readoutRows)
            top += readoutRows + 1
            room -= readoutRows + 1
        } else if needs.readoutLines > 1, size.height >= 30, room - BigText.height - 1 >= needs.panelLines {
            // One line only: a readout that needs more shows its short form (the flags, a question mark).
            readout = Rect(
                x: Self.readoutMargin, y: top, width: size.width - 2 * Self.readoutMargin, height: BigText.height)
            top += BigText.height + 1
            room -= BigText.height + 1
        }
        let panelWidth = Self.panelWidth(for: size)
        let panelX = (size.width - panelWidth) / 2
        // The ladder keeps a blank row above it and at least two segment rows under its heading, and leaves the
        // text a row to space its paragraphs.
        let ladderHeight = min(needs.segments + 1, room - needs.panelLines - 2)
        if needs.segments > 0, ladderHeight >= 3, panelWidth >= 60 {
            ladder = Rect(x: panelX, y: bottom - ladderHeight, width: panelWidth, height: ladderHeight)
            room -= ladderHeight + 1
        } else {
            ladder = nil
        }
        panel = Rect(x: panelX, y: top, width: panelWidth, height: max(room, 0))
    }

    /// The panel's width in a window of `size`.
    static func panelWidth(for size: Size) -> Int {
        min(size.width - 2 * panelMargin, panelMaxWidth)
    }

    /// The readout's width in a window of `size`.
    static func readoutWidth(for size: Size) -> Int { size.width - 2 * readoutMargin }

    /// The column where a host's wire leaves its box.
    func wireColumn(_ box: Rect) -> Int { box.x + box.width / 2 }

    /// The longest state name any host reaches in `timeline`.
    static func longestState(in timeline: Timeline) -> Int {
        timeline.frames.flatMap { $0.hosts.values.map(\.state.description.count) }.max() ?? 0
    }
}
