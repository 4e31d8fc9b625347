using Workers.Fleet;
using Workers.Infra.Render.Shared;

namespace Workers.Infra.Render.CloudFormation;

// infra/cloudformation/service-<name>.yml: what Copilot's Load Balanced Web Service and its environment give the
// service, as a plain template: an internet-facing ALB with its security group, an HTTP listener (HTTPS too when
// a certificate is given), the target group with the service's health check, the security group its tasks run in,
// the task-role policy, and the alarms. Like the workers' templates it stops short of the ECS service itself
// (task definition, image, roles): whoever runs the container registers it in TargetGroupArn with
// ServiceSecurityGroupId and attaches ServicePolicyArn to its task role.
internal static class WebServiceTemplate
{
    public static string Render(FleetDeclaration fleet, FleetService service)
    {
        var targets = new ServiceAlarmTargets("${Env}", "!GetAtt LoadBalancer.LoadBalancerFullName", "!GetAtt TargetGroup.TargetGroupFullName");
        return $$"""
            {{Yaml.Header}}
            AWSTemplateFormatVersion: '2010-09-09'
            Description: {{Yaml.Quote($"{fleet.Application} service {service.Name}: load balancer, target group, task-role policy, alarms")}}

            Parameters:
            {{Yaml.Indent(CloudFormationFiles.EnvParameter(), 2)}}
              VpcId:
                Type: AWS::EC2::VPC::Id
                Description: The VPC the load balancer and the service's tasks run in.
              PublicSubnets:
                Type: List<AWS::EC2::Subnet::Id>
                Description: At least two public subnets in different availability zones, for the load balancer.
              CertificateArn:
                Type: String
                Default: ''
                Description: An ACM certificate for an HTTPS listener on 443; empty for HTTP only.
              AlarmEmail:
                Type: String
                Default: ''
                Description: An e-mail address subscribed to the alarm topic (confirm the e-mail AWS sends); empty for none.

            Conditions:
              HasCertificate: !Not [!Equals [!Ref CertificateArn, '']]
              HasAlarmEmail: !Not [!Equals [!Ref AlarmEmail, '']]

            Resources:
              LoadBalancerSecurityGroup:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: {{Yaml.Sub($"{fleet.Application}-${{Env}}-{service.Name} load balancer: HTTP and HTTPS from anywhere")}}
                  VpcId: !Ref VpcId
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 80
                      ToPort: 80
                      CidrIp: 0.0.0.0/0
                    - IpProtocol: tcp
                      FromPort: 443
                      ToPort: 443
                      CidrIp: 0.0.0.0/0

              ServiceSecurityGroup:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: {{Yaml.Sub($"{fleet.Application}-${{Env}}-{service.Name} tasks: port {service.Port} from the load balancer only")}}
                  VpcId: !Ref VpcId
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: {{service.Port}}
                      ToPort: {{service.Port}}
                      SourceSecurityGroupId: !GetAtt LoadBalancerSecurityGroup.GroupId

              LoadBalancer:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Name: {{Yaml.Sub($"{fleet.Application}-${{Env}}-{service.Name}")}}
                  Type: application
                  Scheme: internet-facing
                  Subnets: !Ref PublicSubnets
                  SecurityGroups: [!GetAtt LoadBalancerSecurityGroup.GroupId]
                  LoadBalancerAttributes:
                    # The API's longest request, a long poll, ends below this (Api:MaxWait, at most 55 s).
                    - Key: idle_timeout.timeout_seconds
                      Value: '60'

              TargetGroup:
                Type: AWS::ElasticLoadBalancingV2::TargetGroup
                Properties:
                  TargetType: ip
                  Protocol: HTTP
                  Port: {{service.Port}}
                  VpcId: !Ref VpcId
                  # Liveness only: a database outage must not take every task out of the target group.
                  HealthCheckPath: {{service.HealthPath}}
                  HealthCheckIntervalSeconds: {{Durations.Seconds(WebServiceHttp.HealthCheckInterval)}}
                  HealthCheckTimeoutSeconds: {{Durations.Seconds(WebServiceHttp.HealthCheckTimeout)}}
                  HealthyThresholdCount: {{WebServiceHttp.HealthyThreshold}}
                  UnhealthyThresholdCount: {{WebServiceHttp.UnhealthyThreshold}}
                  Matcher:
                    HttpCode: '200'
                  TargetGroupAttributes:
                    # Long polls (?wait=, 30 s by default) finish on a target being deregistered.
                    - Key: deregistration_delay.timeout_seconds
                      Value: '{{Durations.Seconds(WebServiceHttp.DeregistrationDelay)}}'

              HttpListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref LoadBalancer
                  Port: 80
                  Protocol: HTTP
                  DefaultActions:
                    - Type: forward
                      TargetGroupArn: !Ref TargetGroup

              HttpsListener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Condition: HasCertificate
                Properties:
                  LoadBalancerArn: !Ref LoadBalancer
                  Port: 443
                  Protocol: HTTPS
                  Certificates:
                    - CertificateArn: !Ref CertificateArn
                  DefaultActions:
                    - Type: forward
                      TargetGroupArn: !Ref TargetGroup

            {{ServicePolicies.ManagedPolicy(fleet, service, "${Env}", encryptedWithKms: false)}}

            {{ServiceAlarms.Resources(fleet, service, targets)}}

              AlarmEmailSubscription:
                Type: AWS::SNS::Subscription
                Condition: HasAlarmEmail
                Properties:
                  TopicArn: !Ref AlarmTopic
                  Protocol: email
                  Endpoint: !Ref AlarmEmail

            Outputs:
              LoadBalancerDnsName:
                Value: !GetAtt LoadBalancer.DNSName
              TargetGroupArn:
                Description: Register the service's ECS tasks here (container port {{service.Port}}).
                Value: !Ref TargetGroup
              ServiceSecurityGroupId:
                Description: The security group of the service's tasks.
                Value: !GetAtt ServiceSecurityGroup.GroupId
              ServicePolicyArn:
                Description: Attach to the service's ECS task role.
                Value: !Ref {{ServicePolicies.LogicalId}}
              AlarmTopicArn:
                Description: Subscribe a chat webhook or an e-mail address to get the alarms.
                Value: !Ref AlarmTopic

            """;
    }
}
