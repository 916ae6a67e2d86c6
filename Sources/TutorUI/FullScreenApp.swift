import LessonKit
import TutorSession

/// Anything the terminal back end can run full screen: keys and ticks in, effects out, a canvas to show.
public protocol FullScreenApp {
    mutating func update(_ message: Message) -> [Effect]
    /// Whether ticks should come quickly (an animation runs).
    var isAnimating: Bool { get }
    /// Whether the screen changes with time alone (a countdown), so it is redrawn on every idle tick.
    var showsClock: Bool { get }
    func render(size: Size) -> Canvas
}

extension QuizSession: FullScreenApp {
    public var showsClock: Bool { false }
    public func render(size: Size) -> Canvas { QuizRenderer.render(self, size: size) }
}
