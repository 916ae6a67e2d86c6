import ArgumentParser

struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quiz", abstract: "Not available yet.")

    func run() throws {
        throw ValidationError("'tcptutor quiz' is not available yet.")
    }
}
