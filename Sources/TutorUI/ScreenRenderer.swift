import TimelineKit
import TutorSession

/// Draws a whole session into a canvas of the terminal's size.
public enum ScreenRenderer {
    /// The canvas for `session` in a window of `size`.
    public static func render(_ session: TutorSession, size: Size) -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height)
        render(session, on: &canvas)
        return canvas
    }

    /// Draws `session` over a blank `canvas`.
    public static func render(_ session: TutorSession, on canvas: inout Canvas) {
        let strings = Strings(session.language)
        let area = canvas.bounds
        guard fits(canvas.size) else {
            TooSmallView(strings: strings).render(in: area, on: &canvas)
            return
        }
        switch session.screen {
        case .menu:
            MenuView(session: session, strings: strings).render(in: area, on: &canvas)
        case .lesson(let player):
            LessonScreen(session: session, player: player, strings: strings).render(in: area, on: &canvas)
        }
        switch session.dialog {
        case .help:
            let language = session.language
            let lines =
                session.player == nil
                ? TutorKeys.menu.helpLines(language)
                : session.lessonKeys.helpLines(language)
                    + QuizKeys.question(inLesson: true).helpLines(language)
                    + QuizKeys.answerField(exam: false).helpLines(language)
            HelpDialog(strings: strings, lines: lines).render(in: area, on: &canvas)
        case .quitting:
            QuitDialog(session: session, strings: strings).render(in: area, on: &canvas)
        case .summary:
            LessonSummaryDialog(session: session, strings: strings).render(in: area, on: &canvas)
        case .jump(let digits):
            JumpDialog(
                digits: digits, range: session.jumpRange, lessons: session.player == nil,
                refused: session.refusedJump, strings: strings
            ).render(in: area, on: &canvas)
        case nil:
            break
        }
    }

    /// A screen of `size`: what `draw` draws with the words of `language`, with the `?` help over it when `help`
    /// has its lines; the too-small message when the window cannot hold the layout.
    static func screen(
        size: Size, language: Language, help: [(key: String, action: String)]?,
        draw: (inout Canvas, Strings) -> Void
    ) -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height)
        let strings = Strings(language)
        guard fits(size) else {
            TooSmallView(strings: strings).render(in: canvas.bounds, on: &canvas)
            return canvas
        }
        draw(&canvas, strings)
        if let help { HelpDialog(strings: strings, lines: help).render(in: canvas.bounds, on: &canvas) }
        return canvas
    }

    /// Whether the layout fits a window of `size`.
    public static func fits(_ size: Size) -> Bool {
        size.width >= Size.minimum.width && size.height >= Size.minimum.height
    }
}
