import LessonKit

/// Where everything goes on the projector screen, and whether the state names and the step counter are
/// drawn in big letters (only when they fit; otherwise in bold reverse video).
///
/// From the top: the header, the two host boxes, the wire below them (room for big letters where it fits, two
/// label rows, the arrow row joining the boxes, a note row), the text panel, and the key hint on the last row.
struct PresenterLayout {
    var bigStates: Bool
    var bigCounter: Bool
    /// Cells per pixel across for big state names: 2 (square pixels) where two boxes of them fit, else 1.
    var stateScale: Int
    /// Whether the wire has room above its label for big letters (the flags, or the question mark).
    var bigWire: Bool
    var header: Rect
    var hostA: Rect
    var hostB: Rect
    /// The first row under the boxes, where the wire starts.
    var wireTop: Int
    var panel: Rect
    var hint: Rect

    /// Cells between the panel and the screen's sides, and the widest the panel gets (long lines are hard
    /// to read from the back of a room).
    static let panelMargin = 4
    static let panelMaxWidth = 96

    /// Rows the big letters of the wire take (the first label row, blank for most labels, spaces them).
    static let bigWireRows = BigText.height
    /// Rows of the wire without big letters: two label rows, the arrow, a note.
    static let wireRows = 4

    /// The layout for a screen of `size` showing states up to `longestState` characters long and text of up to
    /// `panelLines` lines (the big wire is left out rather than cut the text).
    init(size: Size, longestState: Int, panelLines: Int) {
        let longest = String(repeating: "W", count: max(longestState, 1))
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
        // Below the wire: a blank row, the panel, a blank row and the hint row.
        let roomBelowWire = size.height - wireTop - Self.wireRows - 3
        bigWire = bigStates && roomBelowWire - Self.bigWireRows >= panelLines
        let panelTop = wireTop + Self.wireRows + (bigWire ? Self.bigWireRows : 0) + 1
        let panelWidth = Self.panelWidth(for: size)
        panel = Rect(
            x: (size.width - panelWidth) / 2, y: panelTop, width: panelWidth, height: size.height - 2 - panelTop)
        hint = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
    }

    /// The panel's width in a window of `size`.
    static func panelWidth(for size: Size) -> Int {
        min(size.width - 2 * panelMargin, panelMaxWidth)
    }

    /// The column where a host's wire leaves its box.
    func wireColumn(_ box: Rect) -> Int { box.x + box.width / 2 }

    /// The longest state name any host reaches in `timeline`.
    static func longestState(in timeline: Timeline) -> Int {
        timeline.frames.flatMap { $0.hosts.values.map(\.state.description.count) }.max() ?? 0
    }
}
