import LessonKit
import TutorSession

/// Anything the full-screen runtime can run: messages in, effects out, a canvas to show. The tutor, the
/// presenter, the quiz and the exam adopt it, so that one runtime (TutorCurses' `TerminalRuntime`) runs them all.
public protocol FullScreenApp {
    mutating func update(_ message: Message) -> [Effect]
    /// Whether ticks should come quickly (an animation runs).
    var isAnimating: Bool { get }
    /// Whether the screen changes with time alone (a countdown): the runtime sends it the wall clock
    /// (`Message.time`) before every key and at every idle moment, and redraws it then.
    var showsClock: Bool { get }
    func render(size: Size) -> Canvas
}

extension TutorSession: FullScreenApp {
    public var showsClock: Bool { false }
    public func render(size: Size) -> Canvas { ScreenRenderer.render(self, size: size) }
}

extension PresenterSession: FullScreenApp {
    public var showsClock: Bool { false }
    public func render(size: Size) -> Canvas { PresenterRenderer.render(self, size: size) }
}

extension QuizSession: FullScreenApp {
    public var showsClock: Bool { false }
    public func render(size: Size) -> Canvas { QuizRenderer.render(self, size: size) }
}
