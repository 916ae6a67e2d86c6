#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small buffered reader over a file descriptor or bytes in memory. Memory stays flat: the buffer holds one
/// chunk (and grows only to fit one record), however large the file.
///
/// Views returned by `bytes(_:)` are valid until the next call that fills or advances the stream.
final class ByteStream {
    /// Where the bytes come from.
    private enum Source {
        case file(descriptor: Int32)
        case memory([UInt8], position: Int)
    }

    /// How much is read from the source at a time.
    static let chunkSize = 1 << 20

    private var source: Source
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    /// First unread byte in `storage`.
    private var head = 0
    /// One past the last valid byte in `storage`.
    private var tail = 0
    private var sourceExhausted = false
    /// File offset of `storage[head]`: the next byte to consume.
    private(set) var offset: Int64 = 0
    /// The size of the file when it was opened (0 when unknown): tables can be sized from it.
    let sizeHint: Int

    /// Opens `path` for reading; a directory, a missing or unreadable file gets a clear message.
    init(path: String) throws(CaptureError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CaptureError(path: path, message: "cannot open: \(Self.describeErrno(errno))")
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw CaptureError(path: path, message: "is a directory, not a capture file")
        }
        source = .file(descriptor: descriptor)
        sizeHint = Int(status.st_size)
        capacity = Self.chunkSize
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    /// Reads from bytes already in memory (tests and fuzzing use this).
    init(bytes: [UInt8], chunkSize: Int = ByteStream.chunkSize) {
        source = .memory(bytes, position: 0)
        sizeHint = bytes.count
        capacity = max(chunkSize, 64)
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        if case .file(let descriptor) = source { close(descriptor) }
        storage.deallocate()
    }

    /// Bytes ready in the buffer without reading more.
    var buffered: Int { tail - head }

    /// Makes up to `count` bytes ready and returns how many are (fewer only at the end of the source).
    @discardableResult
    func fill(_ count: Int) throws(CaptureError) -> Int {
        if tail - head >= count { return count }
        if !sourceExhausted {
            if count > capacity - head {
                if count > capacity { grow(to: count) }
                compact()
            }
            while tail - head < count, !sourceExhausted {
                try readMore()
            }
        }
        return min(count, tail - head)
    }

    /// Whether every byte has been consumed.
    func atEnd() throws(CaptureError) -> Bool {
        try fill(1) == 0
    }

    /// A view of the next `count` bytes; `fill(count)` must have returned `count`.
    @inline(__always)
    func bytes(_ count: Int) -> UnsafeRawBufferPointer {
        precondition(count <= tail - head, "bytes(\(count)) with only \(tail - head) ready")
        return UnsafeRawBufferPointer(start: storage + head, count: count)
    }

    /// Consumes `count` ready bytes.
    @inline(__always)
    func advance(_ count: Int) {
        precondition(count <= tail - head, "advance(\(count)) with only \(tail - head) ready")
        head += count
        offset += Int64(count)
    }

    /// Consumes `count` bytes, reading past the buffer as needed; returns how many were actually skipped.
    func skip(_ count: Int) throws(CaptureError) -> Int {
        var remaining = count
        while remaining > 0 {
            let ready = try fill(min(remaining, capacity))
            if ready == 0 { break }
            let step = min(ready, remaining)
            advance(step)
            remaining -= step
        }
        return count - remaining
    }

    private func compact() {
        guard head > 0 else { return }
        let live = tail - head
        if live > 0 { storage.copyMemory(from: storage + head, byteCount: live) }
        head = 0
        tail = live
    }

    private func grow(to count: Int) {
        let newCapacity = max(count, capacity * 2)
        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        let live = tail - head
        if live > 0 { newStorage.copyMemory(from: storage + head, byteCount: live) }
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
        head = 0
        tail = live
    }

    private func readMore() throws(CaptureError) {
        let room = capacity - tail
        precondition(room > 0, "no room to read into")
        switch source {
        case .file(let descriptor):
            while true {
                let got = read(descriptor, storage + tail, room)
                if got > 0 {
                    tail += got
                    return
                }
                if got == 0 {
                    sourceExhausted = true
                    return
                }
                let code = errno
                if code == EINTR { continue }
                throw CaptureError(
                    message: "cannot read: \(Self.describeErrno(code))", offset: offset + Int64(tail - head))
            }
        case .memory(let bytes, let position):
            let count = min(room, bytes.count - position)
            if count <= 0 {
                sourceExhausted = true
                return
            }
            bytes.withUnsafeBytes { all in
                (storage + tail).copyMemory(from: all.baseAddress! + position, byteCount: count)
            }
            tail += count
            source = .memory(bytes, position: position + count)
        }
    }

    private static func describeErrno(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
