import Synchronization

/// Rows the longest narration of a lesson takes at a width, so the narration area keeps one size while
/// stepping. Wrapping every frame's narration took half the time of drawing a step, so the last answer is
/// kept. Its key is the texts themselves (compared by their shared storage first, so a hit costs little):
/// another lesson, language or width is never answered from it.
enum NarrationRows {
    private struct Key: Equatable {
        var texts: [String]
        var width: Int
    }

    private static let last = Mutex<(key: Key, rows: Int)?>(nil)

    static func longest(_ texts: [String], width: Int) -> Int {
        let key = Key(texts: texts, width: width)
        if let hit = last.withLock({ $0 }), hit.key == key { return hit.rows }
        let rows = texts.map { TextWrap.lines($0, width: width).count }.max() ?? 0
        last.withLock { $0 = (key, rows) }
        return rows
    }
}
