import ClassStore
import Foundation
import TCPTutorTestSupport

/// A fresh store in a folder of its own.
enum StoreFixtures {
    static func store() throws -> (SQLiteClassStore, URL) {
        let folder = try TemporaryFolder.make("tcptutor-class-link")
        return (try SQLiteClassStore(directory: folder.path), folder)
    }
}
