import TimelineKit

extension LocalizedText {
    /// What the student is told when the progress book could not be written; it stays in memory.
    public static func progressNotSaved(_ reason: String) -> LocalizedText {
        LocalizedText(en: "Progress could not be saved: \(reason)", zh: "进度无法保存：\(reason)")
    }
}
