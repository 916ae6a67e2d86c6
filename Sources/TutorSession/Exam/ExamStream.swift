import Crypto

/// A deterministic stream of numbers for one student's exam: the seed is HMAC-SHA256(key, student id), and
/// block n of the stream is HMAC-SHA256(seed, label ‖ n). The same key and id always give the same stream,
/// so the instructor can regenerate any exam; without the key the numbers cannot be predicted.
struct ExamStream {
    private let seed: SymmetricKey
    private let label: [UInt8]
    private var counter: UInt64 = 0
    private var buffer: [UInt8] = []

    init(key: ExamKey, studentID: String, label: String) {
        seed = SymmetricKey(data: key.mac(Array(studentID.utf8)))
        self.label = Array(label.utf8) + [0]
    }

    mutating func nextUInt64() -> UInt64 {
        if buffer.count < 8 {
            var message = label
            withUnsafeBytes(of: counter.bigEndian) { message.append(contentsOf: $0) }
            counter += 1
            buffer += Array(HMAC<SHA256>.authenticationCode(for: message, using: seed))
        }
        let value = buffer.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        buffer.removeFirst(8)
        return value
    }

    mutating func nextUInt32() -> UInt32 {
        UInt32(truncatingIfNeeded: nextUInt64() >> 32)
    }

    /// A uniform number in `0..<bound`, without modulo bias (rejection sampling).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        // 2^64 mod bound: values below it would make the low residues more likely.
        let threshold = (0 &- UInt64(bound)) % UInt64(bound)
        while true {
            let value = nextUInt64()
            if value >= threshold { return Int(value % UInt64(bound)) }
        }
    }
}
