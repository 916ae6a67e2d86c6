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
        var quickEmptyReads = 0
        while true {
            if let signal = exitSignal() {
                perform(.saveProgress, app)
                return .signal(signal)
            }
            let timeout = app.isAnimating ? CursesTutor.tickTimeout : CursesTutor.idleTimeout
            let started = monotonicMilliseconds()
            guard let input = screen.read(timeout: timeout) else {
                if exitSignal() != nil { continue }
                quickEmptyReads = monotonicMilliseconds() - started < Int(timeout) / 2 ? quickEmptyReads + 1 : 0
                if quickEmptyReads > 20, cn_input_hung_up() != 0 {
                    perform(.saveProgress, app)
                    return .hangUp
                }
                if app.isAnimating || app.showsClock {
                    if carryOut(app.update(.tick), app, perform) { return .quit }
                    draw()
                }
                continue
            }
            quickEmptyReads = 0
            switch input {
            case .ignored:
                continue
            case .resize, .redraw:
                screen.invalidate(clearTerminal: true)
                draw()
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

    private func exitSignal() -> Int32? {
        let signal = cn_exit_signal()
        return signal == 0 ? nil : signal
    }
}
