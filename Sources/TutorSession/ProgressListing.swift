import TimelineKit

/// A progress book as `tcptutor progress` prints it, and `tcptutor class progress` for each student: every lesson
/// of the path in order, numbered as the menu numbers them, then any saved lesson the folder no longer has.
public enum ProgressListing {
    /// The lines for `book` against the lessons `entries` (the menu's, in order; none without lesson files).
    public static func lines(_ book: ProgressBook, entries: [LessonEntry], language: Language) -> [String] {
        var lines: [String] = []
        let width = String(entries.count).count
        let colon = language == .zh ? "：" : ": "
        for (index, entry) in entries.enumerated() {
            // Numbered as the menu numbers them, a lesson that cannot be loaded included.
            let number = String(index + 1)
            let padding = String(repeating: " ", count: width - number.count)
            guard let timeline = entry.timeline else {
                lines.append(
                    "  \(padding)\(number). \(entry.fileName)\(colon)" + (language == .zh ? "无法加载" : "cannot be loaded")
                )
                continue
            }
            lines.append(
                "  \(padding)\(number). \(timeline.title.text(language)) (\(timeline.lessonID))\(colon)"
                    + status(book.lessons[timeline.lessonID], language))
        }
        let timelines = entries.compactMap(\.timeline)
        let listed = Set(timelines.map(\.lessonID))
        for (id, entry) in book.lessons.sorted(by: { $0.key < $1.key }) where !listed.contains(id) {
            lines.append("  \(id)\(colon)\(status(entry, language))")
        }
        if book.lessons.isEmpty, timelines.isEmpty {
            lines.append(language == .zh ? "  还没有打开过课程" : "  no lessons opened yet")
        }
        return lines
    }

    /// One lesson's progress: the step, whether it was completed, the quiz score kept and the latest attempt.
    public static func status(_ entry: LessonProgress?, _ language: Language) -> String {
        let zh = language == .zh
        guard let entry else { return zh ? "未开始" : "not started" }
        var parts = [
            zh ? "第 \(entry.step + 1) 步，共 \(entry.stepCount) 步" : "step \(entry.step + 1) of \(entry.stepCount)"
        ]
        if entry.completed { parts.append(zh ? "已完成" : "completed") }
        if let score = entry.score {
            parts.append((zh ? "测验" : "quiz ") + score.text(language))
            if let latest = entry.latest { parts.append((zh ? "最近一次" : "latest ") + latest.text(language)) }
        }
        return parts.joined(separator: zh ? "，" : ", ")
    }
}
