module example.com/webapp/gateway

go 1.20

require (
	github.com/gin-gonic/gin v1.5.0
	golang.org/x/net v0.0.0-20210226172049-e18ecbb05110
	gopkg.in/yaml.v2 v2.2.7
)
