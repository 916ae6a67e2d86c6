import LessonKit
import TimelineKit

/// Why a lesson file could not be turned into a timeline.
public struct LessonProblem: Error, Hashable, Sendable {
    public var message: String

    public init(message: String) {
        self.message = message
    }
}

/// One line of the lesson menu: a lesson file that loaded, or one that did not (shown with its error).
public struct LessonEntry: Hashable, Sendable {
    /// The file name, which sets the path order.
    public var fileName: String
    public var content: Result<Timeline, LessonProblem>
    /// The parsed lesson, when there is one: it can be run again with fresh ISNs.
    public var lesson: Lesson?
    /// The title read from the file's header before the lesson is parsed and run.
    public var previewTitle: LocalizedText?
    /// Whether the lesson is still being parsed and run (the menu can show before every lesson is ready).
    public var isLoading = false

    public init(fileName: String, content: Result<Timeline, LessonProblem>, lesson: Lesson? = nil) {
        self.fileName = fileName
        self.content = content
        self.lesson = lesson
    }

    /// An entry for a lesson still loading, titled from a glance at its header.
    public static func loading(fileName: String, title: LocalizedText?) -> LessonEntry {
        var entry = LessonEntry(fileName: fileName, content: .failure(LessonProblem(message: "still loading")))
        entry.previewTitle = title
        entry.isLoading = true
        return entry
    }

    public var timeline: Timeline? {
        if case .success(let timeline) = content { return timeline }
        return nil
    }

    /// The title to show in the menu: the lesson's own, or the file name when it failed to load.
    public func title(_ language: Language) -> String {
        timeline?.title.text(language) ?? previewTitle?.text(language) ?? fileName
    }
}
