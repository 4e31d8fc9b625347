using Workers.Fleet;
using Workers.Infra.Render.Shared;

namespace Workers.Infra.Render.Copilot;

// copilot/<service>/addons/service.yml: the task role's policy and the alarms, as a nested stack of the service.
// The alarms need the target group's full name, which only the service stack knows: addons.parameters.yml passes
// it in (https://aws.github.io/copilot-cli/docs/developing/addons/workload/#what-does-an-addon-look-like). The
// load balancer is the environment's, exported by its stack as <app>-<env>-PublicLoadBalancerFullName. Both names
// checked against Copilot's templates: the first listener rule's target group is `TargetGroup`
// (workloads/partials/cf/alb.yml: TargetGroup{{ if ne $i 0 }}{{ $i }}{{ end }}), and the environment stack
// exports its CreateALB outputs as ${AWS::StackName}-<Output>.
internal static class WebServiceAddon
{
    public const string FileName = "service.yml";

    public static string Render(FleetDeclaration fleet, FleetService service)
    {
        var targets = new ServiceAlarmTargets(
            "${Env}",
            LoadBalancer: "{ 'Fn::ImportValue': !Sub '${App}-${Env}-PublicLoadBalancerFullName' }",
            TargetGroup: "!Ref TargetGroupFullName");
        return $$"""
            {{Yaml.Header}}
            # Service {{service.Name}}: the task role's extra permissions, the alarms and their SNS topic.
            Parameters:
              App:
                Type: String
              Env:
                Type: String
              Name:
                Type: String
              TargetGroupFullName:
                Type: String
                Description: The service's target group (targetgroup/<name>/<id>), from addons.parameters.yml.

            Resources:
            {{ServicePolicies.ManagedPolicy(fleet, service, "${Env}", encryptedWithKms: true)}}

            {{ServiceAlarms.Resources(fleet, service, targets)}}

            Outputs:
              ServicePolicyArn:
                Description: Attached to the task role by Copilot.
                Value: !Ref {{ServicePolicies.LogicalId}}
              AlarmTopicArn:
                Description: Subscribe a chat webhook or an e-mail address to get the alarms.
                Value: !Ref AlarmTopic

            """;
    }

    // Copilot's Load Balanced Web Service stack names its target group TargetGroup.
    public static string Parameters() => $"""
        {Yaml.Header}
        Parameters:
          TargetGroupFullName: !GetAtt TargetGroup.TargetGroupFullName

        """;
}
