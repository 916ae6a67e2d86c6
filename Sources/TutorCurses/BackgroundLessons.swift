import TutorSession

/// A lesson parsed and run off the main loop, for the menu entry at `index`.
public struct LoadedLesson: Sendable {
    public var index: Int
    public var entry: LessonEntry

    public init(index: Int, entry: LessonEntry) {
        self.index = index
        self.entry = entry
    }
}

/// Lessons loaded in the background, picked up between key reads.
public protocol BackgroundLessons: AnyObject {
    /// Begins the work; called once the first frame is on the screen, so that it does not compete with it.
    func start()
    /// Whether every lesson has been handed over.
    var isFinished: Bool { get }
    /// The lessons ready now, without waiting.
    func poll() -> [LoadedLesson]
    /// Waits for the rest and returns them.
    func finish() -> [LoadedLesson]
}
