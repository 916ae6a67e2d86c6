import CNCurses
import TutorSession
import TutorUI

/// Runs a presenter session full screen until the instructor quits or a signal asks us to stop.
///
/// The same terminal handling as `CursesTutor`: one `CursesScreen` (only changed cells are sent), exit
/// signals seen by the loop, a crash handler that restores the terminal; the presenter keeps no progress.
public struct CursesPresenter {
    public var environment: [String: String]
    /// Draw lines with ASCII instead of the terminal's line-drawing set.
    public var asciiLines = false
    /// A key that makes the program crash on purpose, to test that a crash restores the terminal.
    public var crashKey: Character?

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Runs `session` on the terminal; returns how it ended with the terminal already restored.
    public func run(_ session: inout PresenterSession) throws(TerminalProblem) -> CursesTutor.Ending {
        if let problem = TerminalProblem.check(environment: environment) { throw problem }
        try CursesTutor.prepareLocale()
        let screen = try CursesScreen(environment: environment, asciiLines: asciiLines)
        defer { screen.end() }
        func draw() { screen.paint(PresenterRenderer.render(session, size: screen.size)) }
        draw()
        var events = TerminalEvents(screen: screen)
        while true {
            let timeout = session.isAnimating ? CursesTutor.tickTimeout : CursesTutor.idleTimeout
            switch events.next(timeout: timeout, redraw: draw) {
            case .stop(let ending):
                return ending
            case .idle:
                if session.isAnimating {
                    _ = session.update(.tick)
                    draw()
                }
            case .key(let key):
                if let crashKey, key == .character(crashKey) {
                    fatalError("crash requested with the test crash key")
                }
                let effects = session.update(.key(key))
                draw()
                if effects.contains(.quit) { return .quit }
            }
        }
    }
}
