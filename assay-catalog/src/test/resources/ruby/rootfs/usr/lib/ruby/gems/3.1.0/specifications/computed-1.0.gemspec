require_relative "lib/computed/version"

Gem::Specification.new do |spec|
  spec.name = File.basename(__dir__)
  spec.version = Computed::VERSION
end
