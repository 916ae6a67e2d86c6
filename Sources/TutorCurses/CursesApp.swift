import CNCurses
import TutorSession
import TutorUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a quiz or an exam full screen, on the same terminal set-up, signal handling and restoring as the tutor.
public struct CursesApp {
    public var environment: [String: String]
    public var asciiLines = false

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Runs `app` until it quits, a signal arrives or the terminal goes away; the terminal is restored.
    /// `perform` carries out the effects other than quitting (saving progress), given the app as it is then.
    public func run<App: FullScreenApp>(
        _ app: inout App, perform: (Effect, App) -> Void
    ) throws(TerminalProblem) -> CursesTutor.Ending {
        if let problem = TerminalProblem.check(environment: environment) { throw problem }
        try CursesTutor.prepareLocale()
        let screen = try CursesScreen(environment: environment, asciiLines: asciiLines)
        defer { screen.end() }
        func draw() { screen.paint(app.render(size: screen.size)) }
        draw()
        var events = TerminalEvents(screen: screen)
        while true {
            let timeout = app.isAnimating ? CursesTutor.tickTimeout : CursesTutor.idleTimeout
            switch events.next(timeout: timeout, redraw: draw) {
            case .stop(let ending):
                perform(.saveProgress, app)
                return ending
            case .idle:
                if app.isAnimating || app.showsClock {
                    if carryOut(app.update(.tick), app, perform) { return .quit }
                    draw()
                }
            case .key(let key):
                let effects = app.update(.key(key))
                draw()
                if carryOut(effects, app, perform) { return .quit }
            }
        }
    }

    /// Performs effects; true when one of them is to quit.
    private func carryOut<App>(_ effects: [Effect], _ app: App, _ perform: (Effect, App) -> Void) -> Bool {
        var quits = false
        for effect in effects {
            switch effect {
            case .quit: quits = true
            case .saveProgress, .bell: perform(effect, app)
            }
        }
        return quits
    }

}
