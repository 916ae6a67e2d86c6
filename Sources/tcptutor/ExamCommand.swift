import ArgumentParser

struct ExamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "exam", abstract: "Not available yet.")

    func run() throws {
        throw ValidationError("'tcptutor exam' is not available yet.")
    }
}
