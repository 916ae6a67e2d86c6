import ArgumentParser

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Not available yet.")

    func run() throws {
        throw ValidationError("'tcptutor replay' is not available yet.")
    }
}
