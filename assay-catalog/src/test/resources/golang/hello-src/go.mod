module example.com/hello

go 1.19

require (
	example.com/greet v1.2.0
	example.com/loud v0.1.0
)

replace example.com/loud => example.com/shout v0.3.1
